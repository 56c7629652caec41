package ai.switchboard.gateway.api.messages.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code text_delta}: more text. */
@JsonPropertyOrder("type")
public record TextDelta(String text) implements BlockDelta {

    @Override
    @JsonProperty("type")
    public String type() {
        return "text_delta";
    }
}
