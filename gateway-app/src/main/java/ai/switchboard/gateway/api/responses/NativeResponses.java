package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ResponseError;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.routing.execution.StreamCommit;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The native path, for upstreams that speak the Responses API ({@code ProviderAdapter.servesResponses}): the body
 * sent is the client's request (unknown fields, hosted tools and all) with the model id rewritten, and the stream
 * that comes back follows the same commit rule as a translated one.
 */
public final class NativeResponses {

    private static final int MAX_MESSAGE = 300;

    private NativeResponses() {
    }

    /**
     * The body for the upstream. The gateway keeps conversations itself, on any replica and for any provider, so a
     * continued conversation is sent whole ({@code conversation}, then the new input) without
     * {@code previous_response_id}, and the upstream is asked not to store ({@code store: false}): the ids it would
     * store under mean nothing to the next candidate.
     */
    public static ObjectNode body(ResponsesRequest request, String upstreamModel, List<ResponseItem> conversation) {
        ObjectNode body = WireJson.mapper().valueToTree(request.withModel(upstreamModel));
        body.remove("previous_response_id");
        if (!conversation.isEmpty()) {
            ArrayNode input = (ArrayNode) ResponseItems.toJson(conversation);
            for (ResponseItem item : ResponseItems.readInput(request.input())) {
                input.add(ResponseItems.json(item));
            }
            body.set("input", input);
        }
        body.put("store", false);
        return body;
    }

    /**
     * The upstream's events held until the first content event ({@link StreamCommit}, {@link OpeningEvents}). Before it, an upstream
     * {@code response.failed} fails the stream so that another candidate may answer; after it, any failure ends the
     * stream with a {@code response.failed} event built from the last response object the upstream sent, numbered
     * after its last event.
     */
    public static Flux<ObjectNode> stream(Flux<ObjectNode> events, Function<Throwable, ResponseError> errors) {
        return Flux.defer(() -> {
            ObjectNode[] lastResponse = new ObjectNode[1];
            int[] lastSequence = {-1};
            boolean[] started = new boolean[1];
            Flux<ObjectNode> checked = events.handle((event, sink) -> {
                if (!started[0] && "response.failed".equals(event.path("type").asString(""))) {
                    sink.error(failedUpstream(event));
                    return;
                }
                sink.next(event);
            });
            return StreamCommit.holdUntilCommit(checked, OpeningEvents::commits)
                    .doOnNext(event -> {
                        started[0] = true;
                        JsonNode response = event.get("response");
                        if (response instanceof ObjectNode object) {
                            lastResponse[0] = object;
                        }
                        lastSequence[0] = Math.max(lastSequence[0], event.path("sequence_number").asInt(-1));
                    })
                    .onErrorResume(failure -> started[0]
                            ? Flux.just(failedEvent(lastResponse[0], lastSequence[0] + 1, errors.apply(failure)))
                            : Flux.error(failure));
        });
    }

    private static ObjectNode failedEvent(ObjectNode lastResponse, int sequence, ResponseError error) {
        ObjectNode response = lastResponse == null ? WireJson.mapper().createObjectNode() : lastResponse.deepCopy();
        response.put("status", "failed");
        response.set("error", WireJson.mapper().valueToTree(error));
        ObjectNode event = WireJson.mapper().createObjectNode().put("type", "response.failed")
                .put("sequence_number", sequence);
        event.set("response", response);
        return event;
    }

    private static ProviderException failedUpstream(ObjectNode event) {
        JsonNode error = event.path("response").path("error");
        String message = error.path("message").asString("no reason given");
        return ProviderException.of(ErrorType.UPSTREAM_SERVER_ERROR, "The upstream response failed: "
                + (message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message));
    }
}
