package ai.switchboard.providers.anthropic.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code {"type":"image","source":{…}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "source"})
public record ImageContent(ImageSource source) implements AnthropicContent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "image";
    }
}
