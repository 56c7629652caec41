package ai.switchboard.gateway.api.chat;

import static ai.switchboard.gateway.api.support.FieldRule.nonEmptyString;
import static ai.switchboard.gateway.api.support.FieldRule.object;
import static ai.switchboard.gateway.api.support.FieldRule.oneOf;
import static ai.switchboard.gateway.api.support.FieldRule.string;

import ai.switchboard.gateway.api.support.ContentParts;
import ai.switchboard.gateway.api.support.FieldRule;
import ai.switchboard.gateway.api.support.ParamErrors;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ToolCall;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks one chat message as OpenAI does: its role, content parts allowed for that role (a system message carries
 * no image), each part's own fields, and the assistant's tool calls. Extra members of a part (such as a
 * {@code cache_control} some providers read) pass unchecked.
 */
final class ChatMessageValidator {

    private static final List<String> ROLES = List.of("system", "developer", "user", "assistant", "tool", "function");
    private static final List<String> TEXT_ONLY = List.of("text");

    private static final Map<String, List<String>> PART_TYPES_BY_ROLE = Map.of(
            "user", List.of("text", "image_url", "input_audio", "file"),
            "assistant", List.of("text", "refusal"));

    private static final Map<String, FieldRule> PARTS = Map.of(
            "text", object(Map.of("text", string()), "text"),
            "refusal", object(Map.of("refusal", string()), "refusal"),
            "image_url", object(Map.of("image_url", object(Map.of("url", nonEmptyString(),
                    "detail", oneOf("auto", "low", "high")), "url")), "image_url"),
            "input_audio", object(Map.of("input_audio", object(Map.of("data", string(),
                    "format", oneOf("wav", "mp3")), "data", "format")), "input_audio"),
            "file", object(Map.of("file", object(Map.of("file_data", string(), "file_id", string(),
                    "filename", string()))), "file"));

    private ChatMessageValidator() {
    }

    /** Checks {@code messages[index]}; parameter names are only built for an error. */
    static void validate(ChatMessage message, int index) {
        String role = message.role();
        if (role == null) {
            throw ParamErrors.missing(at(index, ".role"));
        }
        if (!ROLES.contains(role)) {
            throw ParamErrors.notOneOf(at(index, ".role"), role, ROLES);
        }
        boolean assistant = "assistant".equals(role);
        JsonNode content = message.content();
        if (content == null || content.isNull()) {
            if (!assistant) {
                throw ParamErrors.missing(at(index, ".content"));
            }
        } else if (!content.isString()) {
            validateParts(content, role, at(index, ".content"));
        }
        if ("tool".equals(role) && (message.toolCallId() == null || message.toolCallId().isEmpty())) {
            throw ParamErrors.missing(at(index, ".tool_call_id"));
        }
        if (message.toolCalls() != null) {
            if (!assistant) {
                throw ParamErrors.invalid(at(index, ".tool_calls"), "only assistant messages may carry tool calls.");
            }
            for (int i = 0; i < message.toolCalls().size(); i++) {
                validateToolCall(message.toolCalls().get(i), index, i);
            }
        }
    }

    private static void validateParts(JsonNode content, String role, String param) {
        ContentParts.check(content, param, PART_TYPES_BY_ROLE.getOrDefault(role, TEXT_ONLY), PARTS);
    }

    private static void validateToolCall(ToolCall call, int message, int index) {
        if (call.id() == null || call.id().isEmpty()) {
            throw ParamErrors.missing(at(message, ".tool_calls[" + index + "].id"));
        }
        if (call.type() == null) {
            throw ParamErrors.missing(at(message, ".tool_calls[" + index + "].type"));
        }
        if (!"function".equals(call.type())) {
            throw ParamErrors.notOneOf(at(message, ".tool_calls[" + index + "].type"), call.type(),
                    List.of("function"));
        }
        if (call.function() == null) {
            throw ParamErrors.missing(at(message, ".tool_calls[" + index + "].function"));
        }
        if (call.function().name() == null || call.function().name().isEmpty()) {
            throw ParamErrors.missing(at(message, ".tool_calls[" + index + "].function.name"));
        }
        if (call.function().arguments() == null) {
            throw ParamErrors.missing(at(message, ".tool_calls[" + index + "].function.arguments"));
        }
    }

    private static String at(int index, String suffix) {
        return "messages[" + index + "]" + suffix;
    }
}
