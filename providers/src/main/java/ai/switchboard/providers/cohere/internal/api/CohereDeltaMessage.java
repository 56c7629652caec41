package ai.switchboard.providers.cohere.internal.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The message fragment of a stream event. In content and tool-call events {@code content} and {@code tool_calls}
 * are single objects, not arrays as in a complete answer; {@code message-start} sends them as empty arrays. Both
 * stay JSON so either form parses, and the typed views below answer only for the object form.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereDeltaMessage(String role, JsonNode content, String toolPlan, JsonNode toolCalls) {

    /** The content block of a content event, or {@code null}. */
    public CohereContent contentBlock() {
        if (content == null || !content.isObject()) {
            return null;
        }
        return new CohereContent(content.path("type").asString(null), content.path("text").asString(null),
                content.path("thinking").asString(null));
    }

    /** The tool call (or fragment of one) of a tool-call event, or {@code null}. */
    public CohereToolCall toolCall() {
        if (toolCalls == null || !toolCalls.isObject()) {
            return null;
        }
        JsonNode function = toolCalls.path("function");
        return new CohereToolCall(toolCalls.path("id").asString(null), toolCalls.path("type").asString(null),
                new CohereFunctionCall(function.path("name").asString(null),
                        function.path("arguments").asString(null)));
    }
}
