package ai.switchboard.gateway.api.feedback;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.observability.feedback.JdbcFeedbackStore;
import ai.switchboard.observability.feedback.StoredFeedback;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/feedback}: an application attaches a score and/or a label to one of its answers, named by the
 * answer's {@code x-request-id}. Only the key that made the request, or a key of the same team, may; to anyone else
 * the request does not exist. The request must be in the usage ledger, which is written within about a second
 * (the ledger's flush interval) of the answer.
 */
@Component
public class FeedbackHandler {

    private final JsonBodies bodies;
    private final JdbcFeedbackStore store;
    private final RegistrySnapshotManager snapshots;
    private final Scheduler scheduler;

    public FeedbackHandler(JsonBodies bodies, JdbcFeedbackStore store, RegistrySnapshotManager snapshots,
            @Qualifier(FeedbackSchedulerConfiguration.SCHEDULER) Scheduler scheduler) {
        this.bodies = bodies;
        this.store = store;
        this.snapshots = snapshots;
        this.scheduler = scheduler;
    }

    public Mono<ServerResponse> create(ServerRequest request) {
        ApiKeyRecord key = AuthenticatedCaller.of(request.exchange()).key();
        return bodies.read(request, FeedbackRequest.class)
                .map(FeedbackRequest::validated)
                .flatMap(feedback -> Mono.fromCallable(() -> store.attach(feedback, key.id(), key.teamId(),
                                ownKeys(key)))
                        .subscribeOn(scheduler))
                .flatMap(stored -> stored.map(FeedbackHandler::answer).orElseGet(() -> Mono.error(
                        new ApiException(404, "invalid_request_error", "No request with that id was made with this "
                                + "key or its team (a request is known about a second after its answer).",
                                "request_id", "request_not_found"))));
    }

    /** The caller's key, and every key of its team (revoked ones too: their requests stay the team's). */
    private List<UUID> ownKeys(ApiKeyRecord key) {
        List<UUID> keys = new ArrayList<>();
        keys.add(key.id());
        if (key.teamId() != null) {
            for (ApiKeyRecord other : snapshots.current().keys()) {
                if (key.teamId().equals(other.teamId()) && !other.id().equals(key.id())) {
                    keys.add(other.id());
                }
            }
        }
        return keys;
    }

    private static Mono<ServerResponse> answer(StoredFeedback stored) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("id", "fb_" + stored.id().toString().replace("-", ""))
                .put("object", "feedback")
                .put("request_id", stored.feedback().requestId())
                .put("score", stored.feedback().score())
                .put("label", stored.feedback().label())
                .put("model", stored.model())
                .put("route", stored.route())
                .put("created_at", stored.createdAt().getEpochSecond());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(JsonWriter.body(body));
    }
}
