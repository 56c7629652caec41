package ai.switchboard.providers.cohere.internal.api;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The assistant message of an answer. {@code tool_plan} (the model's note on what it will call) and citations have
 * no OpenAI field and are not mapped.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereResponseMessage(
        String role,
        List<CohereContent> content,
        String toolPlan,
        List<CohereToolCall> toolCalls) {

    public CohereResponseMessage {
        content = content == null ? List.of() : content;
        toolCalls = toolCalls == null ? List.of() : toolCalls;
    }
}
