package ai.switchboard.gateway.api.chat;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.api.ToolDefinition;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a chat request the way OpenAI does before any upstream is called, naming the parameter at fault. Types
 * are already checked by binding; this checks presence, ranges and the shape of polymorphic fields.
 */
final class ChatRequestValidator {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    private static final Set<String> FORMATS = Set.of("text", ResponseFormat.JSON_OBJECT, ResponseFormat.JSON_SCHEMA);

    private ChatRequestValidator() {
    }

    static void validate(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        if (messages == null) {
            throw ApiException.invalidRequest("Missing required parameter: 'messages'.", "messages");
        }
        if (messages.isEmpty()) {
            throw ApiException.invalidRequest("'messages' must contain at least one message.", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            validateMessage(messages.get(i), "messages[" + i + "]");
        }
        range(request.n(), 1, 128, "n");
        range(request.temperature(), 0, 2, "temperature");
        range(request.topP(), 0, 1, "top_p");
        range(request.presencePenalty(), -2, 2, "presence_penalty");
        range(request.frequencyPenalty(), -2, 2, "frequency_penalty");
        range(request.topLogprobs(), 0, 20, "top_logprobs");
        range(request.maxTokens(), 1, Integer.MAX_VALUE, "max_tokens");
        range(request.maxCompletionTokens(), 1, Integer.MAX_VALUE, "max_completion_tokens");
        if (request.streamOptions() != null && !request.isStream()) {
            throw ApiException.invalidRequest(
                    "The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options");
        }
        validateStop(request.stop());
        validateTools(request.tools());
        validateResponseFormat(request.responseFormat());
    }

    private static void validateMessage(ChatMessage message, String param) {
        if (message == null) {
            throw ApiException.invalidRequest("Each message must be an object.", param);
        }
        if (message.role() == null) {
            throw ApiException.invalidRequest("Missing required parameter: '" + param + ".role'.", param + ".role");
        }
        if (!ROLES.contains(message.role())) {
            throw ApiException.invalidRequest("Invalid value: '" + message.role() + "'. Supported values are: "
                    + "'system', 'developer', 'user', 'assistant', 'tool' and 'function'.", param + ".role");
        }
        JsonNode content = message.content();
        boolean assistant = "assistant".equals(message.role());
        if (content == null || content.isNull()) {
            if (!assistant) {
                throw ApiException.invalidRequest("Missing required parameter: '" + param + ".content'.",
                        param + ".content");
            }
        } else if (content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                JsonNode part = content.get(i);
                if (!part.isObject() || !part.path("type").isString()) {
                    throw ApiException.invalidRequest("Each content part must be an object with a 'type'.",
                            param + ".content[" + i + "]");
                }
            }
        } else if (!content.isString()) {
            throw ApiException.invalidRequest("'content' must be a string or an array of content parts.",
                    param + ".content");
        }
        if ("tool".equals(message.role()) && (message.toolCallId() == null || message.toolCallId().isEmpty())) {
            throw ApiException.invalidRequest("Missing required parameter: '" + param + ".tool_call_id'.",
                    param + ".tool_call_id");
        }
        if (message.hasToolCalls() && !assistant) {
            throw ApiException.invalidRequest("Only assistant messages may carry 'tool_calls'.", param + ".tool_calls");
        }
    }

    private static void validateStop(JsonNode stop) {
        if (stop == null || stop.isNull() || stop.isString()) {
            return;
        }
        if (!stop.isArray() || stop.size() > 4) {
            throw ApiException.invalidRequest("'stop' must be a string or an array of at most 4 strings.", "stop");
        }
        for (JsonNode item : stop) {
            if (!item.isString()) {
                throw ApiException.invalidRequest("'stop' must be a string or an array of at most 4 strings.", "stop");
            }
        }
    }

    private static void validateTools(List<ToolDefinition> tools) {
        if (tools == null) {
            return;
        }
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition tool = tools.get(i);
            String param = "tools[" + i + "]";
            if (tool == null || !"function".equals(tool.type())) {
                throw ApiException.invalidRequest("Only tools of type 'function' are supported.", param + ".type");
            }
            if (tool.function() == null || !tool.function().isObject()) {
                throw ApiException.invalidRequest("Missing required parameter: '" + param + ".function'.",
                        param + ".function");
            }
            String name = tool.name();
            if (name == null || name.isEmpty()) {
                throw ApiException.invalidRequest("Missing required parameter: '" + param + ".function.name'.",
                        param + ".function.name");
            }
        }
    }

    private static void validateResponseFormat(ResponseFormat format) {
        if (format == null) {
            return;
        }
        if (format.type() == null || !FORMATS.contains(format.type())) {
            throw ApiException.invalidRequest("Invalid value for 'response_format.type': supported values are "
                    + "'text', 'json_object' and 'json_schema'.", "response_format.type");
        }
        if (ResponseFormat.JSON_SCHEMA.equals(format.type())
                && (format.jsonSchema() == null || !format.jsonSchema().isObject())) {
            throw ApiException.invalidRequest("Missing required parameter: 'response_format.json_schema'.",
                    "response_format.json_schema");
        }
    }

    private static void range(Number value, double min, double max, String param) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            throw ApiException.invalidRequest("Invalid '" + param + "': must be between " + format(min) + " and "
                    + format(max) + ".", param);
        }
    }

    private static String format(double bound) {
        return bound == Integer.MAX_VALUE ? "2147483647" : (bound == Math.rint(bound)
                ? Long.toString((long) bound) : Double.toString(bound));
    }
}
