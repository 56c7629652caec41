package ai.switchboard.providers.cohere.internal.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Input and output counts; Cohere's SDK types them as numbers, so fractional values are tolerated and rounded. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereTokenCounts(Double inputTokens, Double outputTokens) {
}
