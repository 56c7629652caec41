package ai.switchboard.gateway.api.responses.store;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored responses for the {@code /v1/responses} handler: keep a finished response, continue a conversation from
 * {@code previous_response_id}, read, delete and page the input items of a response. Every call runs its SQL on a
 * bounded scheduler of its own and answers reactively, so the event loop never waits for the database; a response
 * the caller does not own, or one past its retention, answers as not found.
 */
public class StoredResponses {

    private final JdbcStoredResponses jdbc;
    private final Scheduler scheduler;
    private final Clock clock;
    private final StoredResponsesProperties properties;

    public StoredResponses(JdbcStoredResponses jdbc, Scheduler scheduler, Clock clock,
            StoredResponsesProperties properties) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Stores a finished response with the input items of its turn (ids assigned where the client sent none); it
     * expires after the configured retention.
     */
    public Mono<Void> save(ResponseOwner owner, ResponseObject response, List<JsonNode> inputItems) {
        return blocking(() -> {
            Instant created = Instant.ofEpochSecond(response.createdAt());
            List<JsonNode> input = new ArrayList<>(inputItems.size());
            for (JsonNode item : inputItems) {
                input.add(StoredItems.normalize(item));
            }
            List<JsonNode> output = new ArrayList<>(response.output().size());
            for (JsonNode item : ResponseItems.toJson(response.output())) {
                output.add(item);
            }
            jdbc.insert(new StoredResponse(response.id(), owner, response.previousResponseId(), response.model(),
                    response.status(), created, clock.instant().plus(properties.getRetention()),
                    ResponseItems.json(response), input, output));
            return null;
        }).then();
    }

    /**
     * Stores a finished response a native upstream produced, as it reached the client (its id, model, status,
     * {@code created_at} and {@code output} read from the JSON), with the input items of its turn.
     */
    public Mono<Void> saveNative(ResponseOwner owner, ObjectNode response, String previousResponseId,
            List<JsonNode> inputItems) {
        return blocking(() -> {
            Instant created = Instant.ofEpochSecond(response.path("created_at").asLong(clock.instant().getEpochSecond()));
            List<JsonNode> input = new ArrayList<>(inputItems.size());
            for (JsonNode item : inputItems) {
                input.add(StoredItems.normalize(item));
            }
            List<JsonNode> output = new ArrayList<>();
            response.path("output").forEach(output::add);
            jdbc.insert(new StoredResponse(response.path("id").asString(), owner, previousResponseId,
                    response.path("model").asString(null), response.path("status").asString(null), created,
                    clock.instant().plus(properties.getRetention()), response, input, output));
            return null;
        }).then();
    }

    /** The stored response object; empty when there is none the owner may see. */
    public Mono<JsonNode> find(ResponseOwner owner, String id) {
        return blocking(() -> jdbc.find(owner, id, clock.instant()).orElse(null));
    }

    /** Deletes a response and its items; {@code false} when there is none the owner may see. */
    public Mono<Boolean> delete(ResponseOwner owner, String id) {
        return blocking(() -> jdbc.delete(owner, id, clock.instant()));
    }

    /**
     * The conversation {@code previousResponseId} ends: every earlier turn's input and output items, oldest first,
     * ready to go before the new input. Instructions are not carried over, as at OpenAI.
     *
     * @return the items, or a 404 in OpenAI's shape naming {@code previous_response_id}
     */
    public Mono<List<ResponseItem>> conversation(ResponseOwner owner, String previousResponseId) {
        return blocking(() -> {
            List<JsonNode> items = jdbc.conversation(owner, previousResponseId, clock.instant(),
                    properties.getMaxChainLength());
            if (items.isEmpty() && jdbc.find(owner, previousResponseId, clock.instant()).isEmpty()) {
                throw notFound(previousResponseId, "previous_response_id");
            }
            List<ResponseItem> conversation = new ArrayList<>(items.size());
            for (JsonNode item : items) {
                conversation.add(ResponseItems.read(item));
            }
            return conversation;
        });
    }

    /**
     * A page of a response's input items, {@code after} the item with that id, {@code limit} (1 to 100) items in
     * {@code order} ({@code asc} or {@code desc}, the default).
     */
    public Mono<InputItemsPage> inputItems(ResponseOwner owner, String id, String after, int limit, String order) {
        return blocking(() -> {
            if (jdbc.find(owner, id, clock.instant()).isEmpty()) {
                throw notFound(id, null);
            }
            if (after != null && !jdbc.hasInputItem(id, after)) {
                throw ApiException.invalidRequest("Invalid 'after': no input item '" + ApiException.echo(after)
                        + "' in response '" + ApiException.echo(id) + "'.", "after");
            }
            List<JsonNode> rows = jdbc.inputItems(id, after, "asc".equals(order), limit);
            boolean more = rows.size() > limit;
            return InputItemsPage.of(more ? rows.subList(0, limit) : rows, more);
        });
    }

    /** Stored items by id for {@code item_reference}; ids the owner cannot see are simply absent. */
    public Mono<List<JsonNode>> items(ResponseOwner owner, List<String> itemIds) {
        return itemIds.isEmpty() ? Mono.just(List.of()) : blocking(() -> jdbc.items(owner, itemIds, clock.instant()));
    }

    static ApiException notFound(String id, String param) {
        return new ApiException(404, "invalid_request_error", "Response with id '" + ApiException.echo(id)
                + "' not found.", param, null);
    }

    private <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }
}
