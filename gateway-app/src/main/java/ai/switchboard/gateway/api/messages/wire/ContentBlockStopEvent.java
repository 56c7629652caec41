package ai.switchboard.gateway.api.messages.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code content_block_stop}: block {@code index} is complete. */
@JsonPropertyOrder("type")
public record ContentBlockStopEvent(int index) implements MessagesEvent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "content_block_stop";
    }
}
