package ai.switchboard.providers.cohere.internal.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The message fragment of a stream event. Note that {@code content} and {@code tool_calls} are single objects here,
 * not arrays as in a complete answer.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereDeltaMessage(String role, CohereContent content, String toolPlan, CohereToolCall toolCalls) {
}
