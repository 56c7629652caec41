package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;

/** Converse {@code stopReason} to OpenAI {@code finish_reason}. */
public final class StopReasons {

    private StopReasons() {
    }

    /**
     * The finish reason; {@code jsonAnswer} says the tool call was the emulated JSON answer, which OpenAI reports as
     * a normal stop.
     *
     * @throws ProviderException for {@code malformed_model_output} and {@code malformed_tool_use}, which have no
     *     OpenAI equivalent: the answer is unusable, and another attempt may well succeed
     */
    public static String finishReason(String stopReason, boolean jsonAnswer) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> jsonAnswer ? "stop" : "tool_calls";
            case "guardrail_intervened", "content_filtered" -> "content_filter";
            case "malformed_model_output", "malformed_tool_use" -> throw new ProviderException(
                    ErrorType.UPSTREAM_SERVER_ERROR, ErrorType.UPSTREAM_SERVER_ERROR.defaultStatus(),
                    "The model produced malformed output (" + stopReason + ")", null, stopReason, null, null);
            // end_turn, stop_sequence and reasons added after this was written
            default -> "stop";
        };
    }
}
