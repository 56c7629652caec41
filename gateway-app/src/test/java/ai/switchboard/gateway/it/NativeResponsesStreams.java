package ai.switchboard.gateway.it;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Responses API streams as OpenAI's own endpoint sends them, for stubs of a native upstream: one output item (a
 * message or a function call) opened, filled by deltas, closed, then {@code response.completed} carrying it with the
 * usage. Built as JSON nodes, so the texts in them need no escaping by hand.
 */
final class NativeResponsesStreams {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NativeResponsesStreams() {
    }

    /** A stream whose answer is {@code text}, in one delta. */
    static String text(String responseId, String text) {
        ObjectNode done = item("message", "msg_" + responseId, "completed").put("role", "assistant");
        done.putArray("content").addObject().put("type", "output_text").put("text", text).putArray("annotations");
        ObjectNode added = item("message", "msg_" + responseId, "in_progress").put("role", "assistant");
        added.putArray("content");
        ObjectNode delta = JSON.createObjectNode().put("item_id", "msg_" + responseId).put("output_index", 0)
                .put("content_index", 0).put("delta", text);
        delta.putArray("logprobs");
        return stream(responseId, added, "response.output_text.delta", delta, done);
    }

    /** A stream whose answer is one call of {@code name} with {@code arguments}, in one delta. */
    static String functionCall(String responseId, String callId, String name, String arguments) {
        String itemId = "fc_" + responseId;
        ObjectNode added = item("function_call", itemId, "in_progress").put("call_id", callId).put("name", name)
                .put("arguments", "");
        ObjectNode delta = JSON.createObjectNode().put("item_id", itemId).put("output_index", 0)
                .put("delta", arguments);
        ObjectNode done = item("function_call", itemId, "completed").put("call_id", callId).put("name", name)
                .put("arguments", arguments);
        return stream(responseId, added, "response.function_call_arguments.delta", delta, done);
    }

    private static String stream(String responseId, ObjectNode added, String deltaType, ObjectNode delta,
            ObjectNode done) {
        StringBuilder body = new StringBuilder();
        int[] sequence = {0};
        java.util.function.BiConsumer<String, ObjectNode> event = (type, fields) -> {
            ObjectNode json = JSON.createObjectNode().put("type", type).put("sequence_number", sequence[0]++);
            json.setAll(fields);
            body.append("event: ").append(type).append("\ndata: ").append(json).append("\n\n");
        };
        event.accept("response.created", wrap(response(responseId, "in_progress", null)));
        event.accept("response.in_progress", wrap(response(responseId, "in_progress", null)));
        event.accept("response.output_item.added", JSON.createObjectNode().put("output_index", 0).set("item", added));
        event.accept(deltaType, delta);
        event.accept("response.output_item.done", JSON.createObjectNode().put("output_index", 0).set("item", done));
        event.accept("response.completed", wrap(response(responseId, "completed", done)));
        return body.toString();
    }

    private static ObjectNode wrap(ObjectNode response) {
        return JSON.createObjectNode().set("response", response);
    }

    private static ObjectNode response(String id, String status, ObjectNode output) {
        ObjectNode response = JSON.createObjectNode().put("id", id).put("object", "response")
                .put("created_at", 1_700_000_000).put("status", status).put("model", "gpt-4o-mini");
        ArrayNode items = response.putArray("output");
        if (output != null) {
            items.add(output);
            ObjectNode usage = response.putObject("usage").put("input_tokens", 120).put("output_tokens", 9)
                    .put("total_tokens", 129);
            usage.putObject("input_tokens_details").put("cached_tokens", 0);
            usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        }
        return response;
    }

    private static ObjectNode item(String type, String id, String status) {
        return JSON.createObjectNode().put("type", type).put("id", id).put("status", status);
    }
}
