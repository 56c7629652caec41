package ai.switchboard.gateway.api.chat;

import ai.switchboard.gateway.api.support.FieldRule;
import ai.switchboard.gateway.api.support.OpenAiFieldRules;
import ai.switchboard.gateway.api.support.OptionalFields;
import ai.switchboard.gateway.api.support.ParamErrors;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.api.ToolDefinition;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks a chat request the way OpenAI does before any upstream is called, naming the parameter at fault. The types
 * of typed fields are already checked by binding (strictly: see {@code ClientJson}); this checks presence, ranges,
 * enumerations and the fields that stay raw JSON. Parameter names are built only when a check fails.
 */
final class ChatRequestValidator {

    private static final List<String> FORMATS = List.of("text", ResponseFormat.JSON_OBJECT,
            ResponseFormat.JSON_SCHEMA);

    private ChatRequestValidator() {
    }

    static void validate(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        if (messages == null) {
            throw ParamErrors.missing("messages");
        }
        if (messages.isEmpty()) {
            throw ParamErrors.empty("messages", "array of messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            ChatMessageValidator.validate(messages.get(i), i);
        }
        range(request.n(), 1, 128, "n");
        range(request.temperature(), 0, 2, "temperature");
        range(request.topP(), 0, 1, "top_p");
        range(request.presencePenalty(), -2, 2, "presence_penalty");
        range(request.frequencyPenalty(), -2, 2, "frequency_penalty");
        range(request.topLogprobs(), 0, 20, "top_logprobs");
        range(request.maxTokens(), 1, Integer.MAX_VALUE, "max_tokens");
        range(request.maxCompletionTokens(), 1, Integer.MAX_VALUE, "max_completion_tokens");
        if (request.streamOptions() != null) {
            if (!request.isStream()) {
                throw ParamErrors.invalid("stream_options", "only allowed when 'stream' is true.");
            }
            ChatFieldRules.STREAM_OPTIONS_EXTRA.check(request.streamOptions().extra(), "stream_options.");
        }
        check(request.stop(), "stop", OpenAiFieldRules.STOP);
        check(request.toolChoice(), "tool_choice", ChatFieldRules.TOOL_CHOICE);
        validateTools(request.tools());
        validateResponseFormat(request.responseFormat());
        ChatFieldRules.EXTRA.check(request.extra(), "");
    }

    private static void validateTools(List<ToolDefinition> tools) {
        if (tools == null) {
            return;
        }
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition tool = tools.get(i);
            if (tool.type() == null) {
                throw ParamErrors.missing("tools[" + i + "].type");
            }
            if (!"function".equals(tool.type())) {
                throw ParamErrors.notOneOf("tools[" + i + "].type", tool.type(), List.of("function"));
            }
            if (tool.function() == null || tool.function().isNull()) {
                throw ParamErrors.missing("tools[" + i + "].function");
            }
            ChatFieldRules.FUNCTION.check(tool.function(), "tools[" + i + "].function");
        }
    }

    private static void validateResponseFormat(ResponseFormat format) {
        if (format == null) {
            return;
        }
        if (format.type() == null) {
            throw ParamErrors.missing("response_format.type");
        }
        if (!FORMATS.contains(format.type())) {
            throw ParamErrors.notOneOf("response_format.type", format.type(), FORMATS);
        }
        if (ResponseFormat.JSON_SCHEMA.equals(format.type())) {
            if (format.jsonSchema() == null || format.jsonSchema().isNull()) {
                throw ParamErrors.missing("response_format.json_schema");
            }
            ChatFieldRules.JSON_SCHEMA.check(format.jsonSchema(), "response_format.json_schema");
        }
    }

    private static void check(JsonNode value, String param, FieldRule rule) {
        OptionalFields.check(value, param, rule);
    }

    private static void range(Number value, double min, double max, String param) {
        OptionalFields.range(value, min, max, param);
    }
}
