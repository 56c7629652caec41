package ai.switchboard.gateway.api.messages.wire;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer of {@code POST /v1/messages/count_tokens}: {@code {"input_tokens": n}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenCount(int inputTokens) {
}
