package ai.switchboard.gateway.api.responses.store;

import ai.switchboard.gateway.api.responses.ResponseIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Input items in the form OpenAI stores and lists them: every item has its {@code type}, an {@code id} (assigned
 * here when the client sent none) and a {@code status}; a message's string content becomes one text part, as the
 * SDKs' {@code ResponseInputMessageItem} has only parts.
 */
final class StoredItems {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StoredItems() {
    }

    static ObjectNode normalize(JsonNode item) {
        ObjectNode stored = ((ObjectNode) item).deepCopy();
        String type = stored.path("type").asString("message");
        stored.put("type", type);
        if (!stored.hasNonNull("id")) {
            stored.put("id", switch (type) {
                case "message" -> ResponseIds.message();
                case "function_call" -> ResponseIds.functionCall();
                case "reasoning" -> ResponseIds.reasoning();
                default -> "item_" + ResponseIds.message().substring(4);
            });
        }
        if ("message".equals(type)) {
            if (!stored.hasNonNull("status")) {
                stored.put("status", "completed");
            }
            JsonNode content = stored.get("content");
            if (content != null && content.isString()) {
                boolean assistant = "assistant".equals(stored.path("role").asString());
                ObjectNode part = NODES.objectNode().put("type", assistant ? "output_text" : "input_text")
                        .put("text", content.asString());
                if (assistant) {
                    part.set("annotations", NODES.arrayNode());
                }
                ArrayNode parts = NODES.arrayNode(1).add(part);
                stored.set("content", parts);
            }
        } else if (("function_call".equals(type) || "function_call_output".equals(type))
                && !stored.hasNonNull("status")) {
            stored.put("status", "completed");
        }
        return stored;
    }
}
