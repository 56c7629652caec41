package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.util.Set;

/** Gemini's {@code finishReason} in OpenAI's vocabulary. */
final class FinishReasons {

    static final String STOP = "stop";
    static final String LENGTH = "length";
    static final String TOOL_CALLS = "tool_calls";
    static final String CONTENT_FILTER = "content_filter";

    private static final Set<String> FILTERED = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "LANGUAGE", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION", "IMAGE_OTHER");

    /**
     * Tool-call failures leave an answer with neither text nor a usable call; reporting it as a normal {@code stop}
     * would end an agent loop with an empty reply, whereas an error lets the gateway retry or fail over.
     */
    private static final Set<String> BROKEN_TOOL_CALL =
            Set.of("MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS");

    private FinishReasons() {
    }

    /**
     * The OpenAI {@code finish_reason}. Gemini ends tool turns with {@code STOP}, so a candidate that returned any
     * function call finishes with {@code tool_calls}. Reasons without an equivalent ({@code OTHER}, unknown new
     * values) become {@code stop}, since the answer that was produced is still valid.
     *
     * @throws ProviderException {@code MALFORMED_RESPONSE} when the model failed to produce a valid tool call
     */
    static String toOpenAi(String reason, boolean calledTools) {
        if (reason == null) {
            return calledTools ? TOOL_CALLS : STOP;
        }
        if (FILTERED.contains(reason) || reason.startsWith("IMAGE_")) {
            return CONTENT_FILTER;
        }
        if (BROKEN_TOOL_CALL.contains(reason)) {
            throw ProviderException.of(ErrorType.MALFORMED_RESPONSE,
                    "Gemini ended the answer with " + reason + " instead of a usable tool call");
        }
        if ("MAX_TOKENS".equals(reason)) {
            return LENGTH;
        }
        return calledTools ? TOOL_CALLS : STOP;
    }
}
