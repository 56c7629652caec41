package ai.switchboard.gateway.api.messages.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code ping}: carries nothing, keeps a quiet connection alive. */
@JsonPropertyOrder("type")
public record PingEvent() implements MessagesEvent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "ping";
    }
}
