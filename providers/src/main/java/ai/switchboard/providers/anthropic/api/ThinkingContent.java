package ai.switchboard.providers.anthropic.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code {"type":"thinking","thinking":…,"signature":…}}: the model's reasoning. Anthropic checks the signature when
 * the block is sent back, so a block must travel unchanged; both fields are always written, empty when unknown.
 */
@JsonPropertyOrder({"type", "thinking", "signature"})
public record ThinkingContent(String thinking, String signature) implements AnthropicContent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "thinking";
    }
}
