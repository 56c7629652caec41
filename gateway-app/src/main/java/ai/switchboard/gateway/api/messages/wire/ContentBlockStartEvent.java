package ai.switchboard.gateway.api.messages.wire;

import ai.switchboard.providers.anthropic.api.AnthropicContent;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code content_block_start}: block {@code index} opens, empty (no text, an empty tool input). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder("type")
public record ContentBlockStartEvent(int index, AnthropicContent contentBlock) implements MessagesEvent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "content_block_start";
    }
}
