package ai.switchboard.providers.cohere.internal.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The {@code meta} of an embed answer; {@code billed_units.input_tokens} is the usage reported to clients. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereEmbedMeta(CohereTokenCounts billedUnits) {
}
