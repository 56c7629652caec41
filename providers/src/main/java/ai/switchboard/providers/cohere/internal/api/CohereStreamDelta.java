package ai.switchboard.providers.cohere.internal.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The {@code delta} of a stream event: a message fragment, or on {@code message-end} the finish and usage. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereStreamDelta(CohereDeltaMessage message, String finishReason, CohereUsage usage, String error) {
}
