package ai.switchboard.providers.cohere.internal.mapper;

import java.util.Locale;

/**
 * Cohere finish reasons as OpenAI's. Compared case-insensitively because older API versions sent lowercase values
 * ({@code complete}, {@code content_blocked}, {@code error_limit}).
 */
final class CohereFinishReasons {

    private CohereFinishReasons() {
    }

    /** Whether the reason reports a failure ({@code ERROR}, {@code TIMEOUT}, the older {@code ERROR_LIMIT}). */
    static boolean isError(String cohereReason) {
        return switch (normalize(cohereReason)) {
            case "ERROR", "TIMEOUT", "ERROR_LIMIT" -> true;
            default -> false;
        };
    }

    /**
     * The OpenAI {@code finish_reason}; {@code tool_calls} when the reason is missing but tools were called. An
     * unknown reason ends the answer normally, as {@code stop}, because the content itself arrived intact.
     */
    static String toOpenAi(String cohereReason, boolean calledTools) {
        return switch (normalize(cohereReason)) {
            case "MAX_TOKENS" -> "length";
            case "TOOL_CALL" -> "tool_calls";
            case "CONTENT_BLOCKED" -> "content_filter";
            case "" -> calledTools ? "tool_calls" : "stop";
            default -> "stop";
        };
    }

    private static String normalize(String reason) {
        return reason == null ? "" : reason.toUpperCase(Locale.ROOT);
    }
}
