package ai.switchboard.gateway.api.messages.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code content_block_delta}: more of block {@code index}. */
@JsonPropertyOrder("type")
public record ContentBlockDeltaEvent(int index, BlockDelta delta) implements MessagesEvent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "content_block_delta";
    }
}
