package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One message of a v2 chat: {@code content} is a string or an array of text / image_url parts, as Cohere accepts
 * both; assistant turns may carry {@code tool_calls}, tool turns a {@code tool_call_id}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohereMessage(String role, JsonNode content, List<CohereToolCall> toolCalls, String toolCallId) {

    public CohereMessage {
        toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
    }
}
