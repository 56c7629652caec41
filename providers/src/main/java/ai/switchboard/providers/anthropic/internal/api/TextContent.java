package ai.switchboard.providers.anthropic.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code {"type":"text","text":…}}; Anthropic rejects empty text, so mappers never build one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "text"})
public record TextContent(String text) implements AnthropicContent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "text";
    }
}
