package ai.switchboard.gateway.api.messages.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code message_start}: the message's id, model and (for now, empty) content and usage. */
@JsonPropertyOrder("type")
public record MessageStartEvent(MessagesResponse message) implements MessagesEvent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "message_start";
    }
}
