package ai.switchboard.gateway.api.responses.wire;

import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads items from JSON by their {@code type}; an item without one is a message, as OpenAI's
 * {@code EasyInputMessage} allows. Expects JSON already checked by the validator (or written by the gateway).
 */
public final class ResponseItems {

    private ResponseItems() {
    }

    /** {@code input} as items: a string is one user message. */
    public static List<ResponseItem> readInput(JsonNode input) {
        if (input == null || input.isNull()) {
            return List.of();
        }
        if (input.isString()) {
            return List.of(new MessageItem(ResponseItem.MESSAGE, null, null, "user", input, null));
        }
        List<ResponseItem> items = new ArrayList<>(input.size());
        for (JsonNode item : input) {
            items.add(read(item));
        }
        return items;
    }

    /** One item. */
    public static ResponseItem read(JsonNode item) {
        String type = item.path("type").asString(ResponseItem.MESSAGE);
        Class<? extends ResponseItem> record = switch (type) {
            case ResponseItem.MESSAGE -> MessageItem.class;
            case ResponseItem.FUNCTION_CALL -> FunctionCallItem.class;
            case ResponseItem.FUNCTION_CALL_OUTPUT -> FunctionCallOutputItem.class;
            case ResponseItem.REASONING -> ReasoningItem.class;
            case ResponseItem.ITEM_REFERENCE -> ItemReference.class;
            default -> null;
        };
        if (record == null) {
            return new OtherItem(((ObjectNode) item).deepCopy());
        }
        return WireJson.mapper().treeToValue(item, record);
    }

    /** Any wire record as a JSON tree. */
    public static JsonNode json(Object value) {
        return WireJson.mapper().valueToTree(value);
    }

    /** Items as a JSON array, as stored and as sent to a native upstream. */
    public static JsonNode toJson(List<? extends ResponseItem> items) {
        return WireJson.mapper().valueToTree(items);
    }
}
