package ai.switchboard.providers.anthropic.internal.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code metadata}: an opaque end-user id Anthropic uses for abuse detection. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnthropicMetadata(String userId) {
}
