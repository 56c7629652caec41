package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.support.FieldRule;
import ai.switchboard.gateway.api.support.ParamErrors;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks a Messages request as Anthropic does before any upstream is called, naming the parameter at fault. Types of
 * the typed fields are already checked by binding (strictly, see {@code ClientJson}); this checks presence, ranges,
 * enumerations and the fields that stay JSON. A token-counting request has neither {@code max_tokens} nor
 * {@code stream}.
 */
public final class MessagesRequestValidator {

    private static final List<String> ROLES = List.of(MessagesMessage.USER, MessagesMessage.ASSISTANT,
            MessagesMessage.SYSTEM);

    private MessagesRequestValidator() {
    }

    /** Checks a {@code POST /v1/messages} body. */
    public static void validate(MessagesRequest request) {
        if (request.maxTokens() == null) {
            throw ParamErrors.missing("max_tokens");
        }
        range(request.maxTokens(), 1, Integer.MAX_VALUE, "max_tokens");
        validateCommon(request);
    }

    /** Checks a {@code POST /v1/messages/count_tokens} body. */
    public static void validateCount(MessagesRequest request) {
        validateCommon(request);
    }

    private static void validateCommon(MessagesRequest request) {
        if (request.model() == null) {
            throw ParamErrors.missing("model");
        }
        if (request.model().isEmpty()) {
            throw ParamErrors.empty("model", "string");
        }
        validateMessages(request.messages());
        range(request.temperature(), 0, 1, "temperature");
        range(request.topP(), 0, 1, "top_p");
        range(request.topK(), 0, Integer.MAX_VALUE, "top_k");
        check(request.system(), "system", MessagesFieldRules.SYSTEM);
        if (present(request.tools())) {
            MessagesFieldRules.tools(request.tools());
        }
        check(request.toolChoice(), "tool_choice", MessagesFieldRules.TOOL_CHOICE);
        check(request.metadata(), "metadata", MessagesFieldRules.METADATA);
        check(request.thinking(), "thinking", MessagesFieldRules.THINKING);
        check(request.outputConfig(), "output_config", MessagesFieldRules.OUTPUT_CONFIG);
        check(request.contextManagement(), "context_management", FieldRule.object());
        MessagesFieldRules.EXTRA.check(request.extra(), "");
    }

    private static void validateMessages(List<MessagesMessage> messages) {
        if (messages == null) {
            throw ParamErrors.missing("messages");
        }
        if (messages.isEmpty()) {
            throw ParamErrors.empty("messages", "array of messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            MessagesMessage message = messages.get(i);
            String param = "messages[" + i + "]";
            if (message.role() == null) {
                throw ParamErrors.missing(param + ".role");
            }
            if (!ROLES.contains(message.role())) {
                throw ParamErrors.notOneOf(param + ".role", message.role(), ROLES);
            }
            if (message.isSystem()) {
                validateSystem(message.content(), param + ".content");
                continue;
            }
            // Only a final assistant turn (a prefill the answer continues) may be empty.
            boolean mayBeEmpty = message.isAssistant() && i == messages.size() - 1;
            validateContent(message.content(), param + ".content", message.role(), mayBeEmpty);
        }
    }

    /** A system message among the turns holds what the top-level {@code system} may: a string or text blocks. */
    private static void validateSystem(JsonNode content, String param) {
        if (content == null || content.isNull()) {
            throw ParamErrors.missing(param);
        }
        if (content.isString() && content.asString().isEmpty()) {
            throw ParamErrors.empty(param, "string");
        }
        if (content.isArray() && content.isEmpty()) {
            throw ParamErrors.empty(param, "array of text blocks");
        }
        MessagesFieldRules.SYSTEM.check(content, param);
    }

    private static void validateContent(JsonNode content, String param, String role, boolean mayBeEmpty) {
        if (content == null || content.isNull()) {
            throw ParamErrors.missing(param);
        }
        if (content.isString()) {
            if (content.asString().isEmpty() && !mayBeEmpty) {
                throw ParamErrors.empty(param, "string");
            }
            return;
        }
        if (!content.isArray()) {
            throw ParamErrors.type(param, "a string or an array of content blocks", content);
        }
        if (content.isEmpty() && !mayBeEmpty) {
            throw ParamErrors.empty(param, "array of content blocks");
        }
        MessagesBlockRules.messageBlocks(content, param, role);
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull();
    }

    private static void check(JsonNode value, String param, FieldRule rule) {
        if (present(value)) {
            rule.check(value, param);
        }
    }

    private static void range(Number value, double min, double max, String param) {
        if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
            throw ParamErrors.range(param, min, max);
        }
    }
}
