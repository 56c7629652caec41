package ai.switchboard.providers.api;

import java.util.Objects;

/**
 * One server-sent event of a native Anthropic Messages stream, passed through untouched.
 *
 * @param type the event's name ({@code message_start}, {@code content_block_delta}, {@code ping}, ...)
 * @param data the event's JSON exactly as the provider sent it
 * @param usage on events that report usage ({@code message_start}, {@code message_delta}), the stream's usage so far
 *     with OpenAI's semantics (see {@link Usage}); {@code null} on the others
 */
public record AnthropicMessagesEvent(String type, String data, Usage usage) {

    public static final String MESSAGE_START = "message_start";
    public static final String PING = "ping";

    public AnthropicMessagesEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Whether this event only opens the stream ({@code message_start}, {@code ping}) and carries no content yet. Such
     * events do not commit a stream to its provider: until a later event arrives, another candidate may still serve
     * the request, and the client must not have seen them.
     */
    public boolean opening() {
        return MESSAGE_START.equals(type) || PING.equals(type);
    }
}
