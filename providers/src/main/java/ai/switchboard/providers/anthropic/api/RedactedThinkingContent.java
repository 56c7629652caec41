package ai.switchboard.providers.anthropic.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code {"type":"redacted_thinking","data":…}}: reasoning Anthropic encrypted, to be sent back unchanged. */
@JsonPropertyOrder({"type", "data"})
public record RedactedThinkingContent(String data) implements AnthropicContent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "redacted_thinking";
    }
}
