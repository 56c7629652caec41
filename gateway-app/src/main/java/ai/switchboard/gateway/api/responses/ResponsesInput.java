package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.FunctionCallItem;
import ai.switchboard.gateway.api.responses.wire.FunctionCallOutputItem;
import ai.switchboard.gateway.api.responses.wire.ItemReference;
import ai.switchboard.gateway.api.responses.wire.MessageItem;
import ai.switchboard.gateway.api.responses.wire.OtherItem;
import ai.switchboard.gateway.api.responses.wire.ReasoningItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates {@code instructions} and input items to canonical chat messages: instructions become the first system
 * message; messages keep their role and become chat content parts; {@code function_call} items join the assistant
 * turn before them as tool calls (names of namespaced functions flattened); each {@code function_call_output} becomes
 * a {@code tool} message. Reasoning items have no canonical field and are left out (reported as
 * {@code input.reasoning}); item types only a native upstream understands are refused by name.
 */
final class ResponsesInput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponsesInput() {
    }

    static List<ChatMessage> translate(String instructions, List<ResponseItem> items, Set<String> ignored) {
        List<ChatMessage> messages = new ArrayList<>(items.size() + 1);
        if (instructions != null && !instructions.isEmpty()) {
            messages.add(message("system", NODES.stringNode(instructions), null, null, null));
        }
        for (int i = 0; i < items.size(); i++) {
            String param = "input[" + i + "]";
            switch (items.get(i)) {
                case MessageItem message -> messages.add(message(message, param));
                case FunctionCallItem call -> addCall(messages, call);
                case FunctionCallOutputItem output -> messages.add(message("tool",
                        toolOutput(output.output(), param + ".output"), null, output.callId(), null));
                case ReasoningItem reasoning -> ignored.add("input.reasoning");
                case ItemReference reference -> throw ResponsesRefusals.invalid(param, "the item '"
                        + reference.id() + "' it refers to is not a stored item of a response you can read.");
                case OtherItem other -> throw ResponsesRefusals.unsupported(param + ".type",
                        "an item of type '" + other.type() + "'");
            }
        }
        return messages;
    }

    private static ChatMessage message(MessageItem item, String param) {
        JsonNode content = item.content();
        if (content.isString()) {
            return message(item.role(), content, null, null, null);
        }
        ArrayNode parts = NODES.arrayNode(content.size());
        StringBuilder refusal = null;
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String type = part.path("type").asString();
            if ("refusal".equals(type)) {
                refusal = refusal == null ? new StringBuilder() : refusal;
                refusal.append(part.path("refusal").asString());
            } else {
                parts.add(part(part, param + ".content[" + i + "]"));
            }
        }
        if ("assistant".equals(item.role())) {
            // Chat's assistant content is text; a turn that only refused has none.
            return message("assistant", parts.isEmpty() ? null : NODES.stringNode(text(parts)), null, null,
                    refusal == null ? null : refusal.toString());
        }
        return message(item.role(), parts, null, null, null);
    }

    /** One input part as a chat content part. */
    private static JsonNode part(JsonNode part, String param) {
        String type = part.path("type").asString();
        return switch (type) {
            case "input_text", "output_text" -> textPart(part.path("text").asString());
            case "input_image" -> {
                JsonNode url = part.get("image_url");
                if (url == null || url.isNull()) {
                    throw ResponsesRefusals.unsupported(param + ".file_id", "an image given by file id");
                }
                ObjectNode image = NODES.objectNode().put("url", url.asString());
                String detail = part.path("detail").asString(null);
                if (detail != null && !"original".equals(detail)) {
                    image.put("detail", detail);
                }
                yield NODES.objectNode().put("type", "image_url").set("image_url", image);
            }
            case "input_file" -> {
                if (part.hasNonNull("file_url")) {
                    throw ResponsesRefusals.unsupported(param + ".file_url", "a file given by URL");
                }
                ObjectNode file = NODES.objectNode();
                for (String field : List.of("file_data", "file_id", "filename")) {
                    if (part.hasNonNull(field)) {
                        file.put(field, part.get(field).asString());
                    }
                }
                yield NODES.objectNode().put("type", "file").set("file", file);
            }
            default -> throw ResponsesRefusals.unsupported(param + ".type", "a content part of type '" + type + "'");
        };
    }

    /** A function's output: a string stays one; parts must be text, as chat's tool messages only carry text. */
    private static JsonNode toolOutput(JsonNode output, String param) {
        if (output.isString()) {
            return output;
        }
        ArrayNode parts = NODES.arrayNode(output.size());
        for (int i = 0; i < output.size(); i++) {
            JsonNode part = output.get(i);
            if (!"input_text".equals(part.path("type").asString())) {
                throw ResponsesRefusals.unsupported(param + "[" + i + "].type", "a function output part of type '"
                        + part.path("type").asString() + "'");
            }
            parts.add(textPart(part.path("text").asString()));
        }
        return parts;
    }

    private static void addCall(List<ChatMessage> messages, FunctionCallItem call) {
        ToolCall toolCall = ToolCall.of(call.callId(), ToolNames.flatten(call.namespace(), call.name()),
                call.arguments());
        ChatMessage last = messages.isEmpty() ? null : messages.getLast();
        if (last != null && "assistant".equals(last.role())) {
            List<ToolCall> calls = new ArrayList<>(last.hasToolCalls() ? last.toolCalls() : List.of());
            calls.add(toolCall);
            messages.set(messages.size() - 1, new ChatMessage("assistant", last.content(), last.name(), calls, null,
                    last.refusal(), last.extra()));
        } else {
            messages.add(message("assistant", null, List.of(toolCall), null, null));
        }
    }

    private static ObjectNode textPart(String text) {
        return NODES.objectNode().put("type", "text").put("text", text);
    }

    private static String text(ArrayNode parts) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : parts) {
            text.append(part.path("text").asString(""));
        }
        return text.toString();
    }

    private static ChatMessage message(String role, JsonNode content, List<ToolCall> calls, String toolCallId,
            String refusal) {
        return new ChatMessage(role, content, null, calls, toolCallId, refusal, null);
    }
}
