package ai.switchboard.providers.anthropic.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code {"type":"text","text":…}}. Anthropic rejects empty text in a request, so request mappers never build one; a
 * stream's {@code content_block_start} opens a text block with empty text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "text"})
public record TextContent(String text) implements AnthropicContent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "text";
    }
}
