package ai.switchboard.gateway.api.messages.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code thinking_delta}: more reasoning text. */
@JsonPropertyOrder("type")
public record ThinkingDelta(String thinking) implements BlockDelta {

    @Override
    @JsonProperty("type")
    public String type() {
        return "thinking_delta";
    }
}
