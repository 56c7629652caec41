package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.PassedThroughEvent;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.OrderedStreams;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The two sources of a {@code /v1/messages} stream, as the events the client is sent. Both hold back the events that
 * only open a stream until content follows, so that a stream whose upstream fails before its first content has sent
 * the client nothing: failover can still hand it to another candidate, or the client gets a proper error status.
 */
public final class MessagesStreams {

    private MessagesStreams() {
    }

    /** A canonical chunk stream translated into Anthropic's events (see {@link MessagesStreamTranslator}). */
    public static Flux<MessagesEvent> translate(Flux<ChatChunk> chunks, ReplyOptions options) {
        return Flux.defer(() -> {
            MessagesStreamTranslator translator = new MessagesStreamTranslator(options);
            return OrderedStreams.flatten(chunks, translator::next)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(translator.finish())));
        });
    }

    /**
     * An Anthropic upstream's own events. Opening events ({@code message_start}, {@code ping}) wait for the first
     * other event and then go out ahead of it; a later {@code message_start} (from a candidate that took over after
     * failover) replaces what was held, so the client sees one clean stream.
     */
    public static Flux<MessagesEvent> passThrough(Flux<AnthropicMessagesEvent> events) {
        return Flux.defer(() -> {
            List<AnthropicMessagesEvent> held = new ArrayList<>(2);
            boolean[] started = new boolean[1];
            return OrderedStreams.flatten(events, event -> {
                if (started[0]) {
                    return List.of(new PassedThroughEvent(event));
                }
                if (event.opening()) {
                    if (AnthropicMessagesEvent.MESSAGE_START.equals(event.type())) {
                        held.clear();
                    }
                    held.add(event);
                    return List.of();
                }
                started[0] = true;
                List<MessagesEvent> out = new ArrayList<>(held.size() + 1);
                held.forEach(opening -> out.add(new PassedThroughEvent(opening)));
                out.add(new PassedThroughEvent(event));
                held.clear();
                return out;
            });
        });
    }
}
