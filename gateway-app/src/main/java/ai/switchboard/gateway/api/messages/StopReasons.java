package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.MessageDelta;
import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChunkChoice;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic's {@code stop_reason} for an OpenAI {@code finish_reason}: {@code stop} is {@code end_turn}, or
 * {@code stop_sequence} when the upstream names the stop sequence that matched (vLLM and others report it as the
 * choice's {@code stop_reason}); {@code length} is {@code max_tokens}; {@code tool_calls} (and the deprecated
 * {@code function_call}) is {@code tool_use}; {@code content_filter} is {@code refusal}. A turn that called tools
 * stopped for them, whatever the upstream said (Gemini ends such turns with {@code STOP}).
 */
final class StopReasons {

    private StopReasons() {
    }

    static MessageDelta of(ChatChoice choice, boolean calledTools, ReplyOptions options) {
        return of(choice.finishReason(), calledTools, choice.extra(), options);
    }

    static MessageDelta of(ChunkChoice choice, boolean calledTools, ReplyOptions options) {
        return of(choice.finishReason(), calledTools, choice.extra(), options);
    }

    static MessageDelta of(String finishReason, boolean calledTools, Map<String, JsonNode> choiceExtra,
            ReplyOptions options) {
        if (calledTools) {
            return new MessageDelta("tool_use", null);
        }
        if (finishReason == null) {
            return new MessageDelta("end_turn", null);
        }
        return switch (finishReason) {
            case "length" -> new MessageDelta("max_tokens", null);
            case "tool_calls", "function_call" -> new MessageDelta("tool_use", null);
            case "content_filter" -> new MessageDelta("refusal", null);
            default -> {
                JsonNode matched = choiceExtra.get("stop_reason");
                yield matched != null && matched.isString() && options.stopSequences().contains(matched.asString())
                        ? new MessageDelta("stop_sequence", matched.asString())
                        : new MessageDelta("end_turn", null);
            }
        };
    }
}
