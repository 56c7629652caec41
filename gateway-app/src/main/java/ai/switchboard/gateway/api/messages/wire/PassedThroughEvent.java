package ai.switchboard.gateway.api.messages.wire;

import ai.switchboard.providers.api.AnthropicMessagesEvent;

/** An event of an Anthropic upstream's own stream, written to the client exactly as received. */
public record PassedThroughEvent(AnthropicMessagesEvent upstream) implements MessagesEvent {

    @Override
    public String type() {
        return upstream.type();
    }
}
