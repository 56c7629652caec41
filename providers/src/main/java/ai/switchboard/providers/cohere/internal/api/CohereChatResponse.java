package ai.switchboard.providers.cohere.internal.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer of a non-streamed {@code /v2/chat}; {@code logprobs} is kept raw because its shape is Cohere's own. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereChatResponse(
        String id,
        String finishReason,
        CohereResponseMessage message,
        CohereUsage usage,
        JsonNode logprobs) {
}
