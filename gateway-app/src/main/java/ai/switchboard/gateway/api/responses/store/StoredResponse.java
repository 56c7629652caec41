package ai.switchboard.gateway.api.responses.store;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A response to store: the response object as the client got it, the input items of its turn (normalized, with ids)
 * and its output items.
 */
public record StoredResponse(String id, ResponseOwner owner, String previousResponseId, String model, String status,
        Instant createdAt, Instant expiresAt, JsonNode response, List<JsonNode> inputItems,
        List<JsonNode> outputItems) {

    public StoredResponse {
        inputItems = List.copyOf(inputItems);
        outputItems = List.copyOf(outputItems);
    }

    @Override
    public String toString() {
        // The response and its items are conversation content: never written to a log.
        return "StoredResponse[id=" + id + ", model=" + model + ", status=" + status + ", inputItems="
                + inputItems.size() + ", outputItems=" + outputItems.size() + "]";
    }
}
