package ai.switchboard.gateway.api.messages.wire;

/**
 * One server-sent event of a Messages stream; {@link #type()} is both the SSE event name and the JSON's
 * {@code type}. Translated events are serialized as JSON; {@link PassedThroughEvent}s are written as received.
 */
public sealed interface MessagesEvent permits MessageStartEvent, ContentBlockStartEvent, ContentBlockDeltaEvent,
        ContentBlockStopEvent, MessageDeltaEvent, MessageStopEvent, PingEvent, ErrorEvent, PassedThroughEvent {

    /** The event's type, e.g. {@code content_block_delta}. */
    String type();
}
