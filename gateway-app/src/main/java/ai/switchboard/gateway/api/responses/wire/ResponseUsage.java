package ai.switchboard.gateway.api.responses.wire;

import ai.switchboard.providers.api.Usage;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code usage} of a response. As in chat, {@code cached_tokens} is part of {@code input_tokens} and
 * {@code reasoning_tokens} part of {@code output_tokens}; both details are always written (the SDKs require them).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponseUsage(int inputTokens, InputDetails inputTokensDetails, int outputTokens,
        OutputDetails outputTokensDetails, int totalTokens) {

    /** The cached part of the input, and the part written to the provider's cache (billed higher). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InputDetails(int cachedTokens, int cacheWriteTokens) {
    }

    /** Where adapters keep cache writes, which the canonical usage has no field for (Anthropic's and Bedrock's). */
    private static final List<String> CACHE_WRITE_FIELDS = List.of("cache_creation_input_tokens",
            "cache_write_input_tokens");

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
        int cacheWrite = 0;
        for (String field : CACHE_WRITE_FIELDS) {
            JsonNode count = usage.extra().get(field);
            if (count != null && count.canConvertToInt()) {
                cacheWrite = count.asInt();
            }
        }
        return new ResponseUsage(input, new InputDetails(usage.cachedTokens(), cacheWrite), output,
                new OutputDetails(reasoning), total);
    }
}
