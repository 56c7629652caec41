package ai.switchboard.providers.anthropic.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The result of one tool call; {@code content} is omitted when the tool returned nothing. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "tool_use_id", "content"})
public record ToolResultContent(String toolUseId, String content) implements AnthropicContent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "tool_result";
    }
}
