package ai.switchboard.gateway.api.messages.wire;

import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code message_delta}: the stop reason, and the usage (counts are cumulative, never increments). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder("type")
public record MessageDeltaEvent(MessageDelta delta, AnthropicUsage usage) implements MessagesEvent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "message_delta";
    }
}
