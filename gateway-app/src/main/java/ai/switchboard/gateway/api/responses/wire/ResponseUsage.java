package ai.switchboard.gateway.api.responses.wire;

import ai.switchboard.providers.api.Usage;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code usage} of a response. As in chat, {@code cached_tokens} is part of {@code input_tokens} and
 * {@code reasoning_tokens} part of {@code output_tokens}; both details are always written (the SDKs require them).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponseUsage(int inputTokens, InputDetails inputTokensDetails, int outputTokens,
        OutputDetails outputTokensDetails, int totalTokens) {

    /** The cached part of the input. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InputDetails(int cachedTokens) {
    }

    /** The reasoning part of the output. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OutputDetails(int reasoningTokens) {
    }

    /** The canonical usage in this shape; unknown counts are zero. */
    public static ResponseUsage of(Usage usage) {
        int input = usage.promptTokens() == null ? 0 : usage.promptTokens();
        int output = usage.completionTokens() == null ? 0 : usage.completionTokens();
        int reasoning = usage.completionTokensDetails() == null
                || usage.completionTokensDetails().reasoningTokens() == null
                ? 0 : usage.completionTokensDetails().reasoningTokens();
        int total = usage.totalTokens() == null ? input + output : usage.totalTokens();
        return new ResponseUsage(input, new InputDetails(usage.cachedTokens()), output, new OutputDetails(reasoning),
                total);
    }
}
