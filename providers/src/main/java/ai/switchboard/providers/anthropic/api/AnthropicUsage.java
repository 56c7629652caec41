package ai.switchboard.providers.anthropic.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Anthropic token counts. {@code input_tokens} excludes cache reads and writes; in a stream's
 * {@code message_delta} every present count is cumulative, and absent ones are {@code null}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnthropicUsage(
        Integer inputTokens,
        Integer outputTokens,
        Integer cacheCreationInputTokens,
        Integer cacheReadInputTokens) {

    /** These counts, with any count this update leaves out taken from {@code earlier}. */
    public AnthropicUsage over(AnthropicUsage earlier) {
        if (earlier == null) {
            return this;
        }
        return new AnthropicUsage(
                inputTokens != null ? inputTokens : earlier.inputTokens,
                outputTokens != null ? outputTokens : earlier.outputTokens,
                cacheCreationInputTokens != null ? cacheCreationInputTokens : earlier.cacheCreationInputTokens,
                cacheReadInputTokens != null ? cacheReadInputTokens : earlier.cacheReadInputTokens);
    }
}
