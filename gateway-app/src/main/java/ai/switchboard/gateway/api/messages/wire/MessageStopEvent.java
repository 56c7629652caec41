package ai.switchboard.gateway.api.messages.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code message_stop}: the stream is complete; only a stream that ends with it is a whole answer. */
@JsonPropertyOrder("type")
public record MessageStopEvent() implements MessagesEvent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "message_stop";
    }
}
