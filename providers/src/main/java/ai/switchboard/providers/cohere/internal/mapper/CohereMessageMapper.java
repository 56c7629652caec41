package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ContentPart;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.cohere.internal.api.CohereFunctionCall;
import ai.switchboard.providers.cohere.internal.api.CohereMessage;
import ai.switchboard.providers.cohere.internal.api.CohereToolCall;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI messages to Cohere v2 messages. The roles map one to one ({@code developer} is a system message); system
 * messages stay inline where they were, which Cohere accepts. Fields Cohere has no place for ({@code name},
 * {@code refusal}) are dropped because they do not change what the model is asked.
 */
final class CohereMessageMapper {

    private CohereMessageMapper() {
    }

    static List<CohereMessage> toCohere(List<ChatMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            throw CohereMappingErrors.invalid("messages", "'messages' must hold at least one message");
        }
        List<CohereMessage> mapped = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            mapped.add(toCohere(messages.get(i), "messages[" + i + "]"));
        }
        return mapped;
    }

    private static CohereMessage toCohere(ChatMessage message, String param) {
        String role = message.role() == null ? "" : message.role();
        return switch (role) {
            case "system", "developer" -> new CohereMessage("system", text(message.text()), null, null);
            case "user" -> new CohereMessage("user", userContent(message, param), null, null);
            case "assistant" -> assistant(message);
            case "tool" -> tool(message, param);
            case "function" -> throw CohereMappingErrors.unsupported(param + ".role",
                    "Cohere does not accept the deprecated 'function' role; send tool results as 'tool' messages");
            default -> throw CohereMappingErrors.invalid(param + ".role", "Unknown message role '" + role + "'");
        };
    }

    /** A string stays a string; parts become Cohere's text and image_url parts, which have OpenAI's shape. */
    private static JsonNode userContent(ChatMessage message, String param) {
        JsonNode content = message.content();
        if (content == null || content.isNull() || content.isString()) {
            return text(message.text());
        }
        ArrayNode parts = WireJson.mapper().createArrayNode();
        for (ContentPart part : message.parts()) {
            if (part.isImage()) {
                ObjectNode image = parts.addObject().put("type", ContentPart.IMAGE_URL).putObject("image_url")
                        .put("url", part.imageUrl());
                if (part.imageDetail() != null) {
                    image.put("detail", part.imageDetail());
                }
            }
            else if (ContentPart.TEXT.equals(part.type())) {
                parts.addObject().put("type", ContentPart.TEXT).put("text", part.text() == null ? "" : part.text());
            }
            else {
                throw CohereMappingErrors.unsupported(param + ".content",
                        "Cohere accepts only text and image_url content parts, not '" + part.type() + "'");
            }
        }
        return parts;
    }

    private static CohereMessage assistant(ChatMessage message) {
        String text = message.text();
        if (!message.hasToolCalls()) {
            return new CohereMessage("assistant", text(text), null, null);
        }
        List<CohereToolCall> calls = new ArrayList<>(message.toolCalls().size());
        for (ToolCall call : message.toolCalls()) {
            String name = call.function() == null ? null : call.function().name();
            String arguments = call.function() == null ? null : call.function().arguments();
            // Cohere requires valid JSON arguments; a call without any (OpenAI allows "") took none.
            calls.add(new CohereToolCall(call.id(), "function",
                    new CohereFunctionCall(name, arguments == null || arguments.isBlank() ? "{}" : arguments)));
        }
        // A tool-calling turn usually has no text; sending "" would be an empty content block Cohere rejects.
        return new CohereMessage("assistant", text.isEmpty() ? null : text(text), calls, null);
    }

    private static CohereMessage tool(ChatMessage message, String param) {
        if (message.toolCallId() == null || message.toolCallId().isBlank()) {
            throw CohereMappingErrors.invalid(param + ".tool_call_id", "A tool message needs a 'tool_call_id'");
        }
        return new CohereMessage("tool", text(message.text()), null, message.toolCallId());
    }

    private static JsonNode text(String value) {
        return WireJson.mapper().getNodeFactory().stringNode(value == null ? "" : value);
    }
}
