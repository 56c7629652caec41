package ai.switchboard.providers.cohere.internal.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Usage of a chat: {@code billed_units} is what is charged, {@code tokens} what the model processed (including
 * Cohere's prompt template), {@code cached_tokens} the prompt tokens served from cache when reported.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereUsage(CohereTokenCounts billedUnits, CohereTokenCounts tokens, Double cachedTokens) {
}
