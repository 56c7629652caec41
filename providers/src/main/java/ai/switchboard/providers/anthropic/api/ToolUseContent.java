package ai.switchboard.providers.anthropic.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/** An earlier tool call of the assistant; {@code input} is a JSON object, never a string. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "id", "name", "input"})
public record ToolUseContent(String id, String name, JsonNode input) implements AnthropicContent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "tool_use";
    }
}
