package ai.switchboard.providers.anthropic.internal.client;

import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import ai.switchboard.providers.anthropic.internal.api.AnthropicStreamEvent;
import ai.switchboard.providers.anthropic.internal.mapper.AnthropicResponseMapper;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import tools.jackson.core.JacksonException;

/**
 * One passed-through Anthropic stream. Events go on as they came; only {@code message_start} and
 * {@code message_delta} are parsed (for usage, whose counts in {@code message_delta} are cumulative) and an
 * {@code error} event (to classify it). As for translated streams, only {@code message_stop} completes: a stream cut
 * off before it ends with {@code STREAM_INTERRUPTED}, and the result completes at {@code message_stop} without waiting
 * for the upstream to close the body. One instance per stream, fed serially.
 */
final class AnthropicPassthroughStream {

    private static final String MESSAGE_DELTA = AnthropicStreamEvent.MESSAGE_DELTA;
    private static final String MESSAGE_STOP = AnthropicStreamEvent.MESSAGE_STOP;

    private final ProviderEndpoint endpoint;
    private AnthropicUsage usage;
    private boolean stopped;

    AnthropicPassthroughStream(ProviderEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    Flux<AnthropicMessagesEvent> events(Flux<ServerSentEvent<String>> upstream) {
        return upstream
                .takeUntil(event -> MESSAGE_STOP.equals(event.event()))
                .<AnthropicMessagesEvent>handle(this::next)
                .concatWith(Mono.defer(() -> stopped ? Mono.empty()
                        : Mono.error(UpstreamErrors.streamInterrupted(endpoint))));
    }

    private void next(ServerSentEvent<String> event, SynchronousSink<AnthropicMessagesEvent> sink) {
        String data = event.data();
        // Comments and events without data carry nothing to pass on.
        if (data == null || data.isEmpty()) {
            return;
        }
        try {
            String type = event.event() != null ? event.event() : typeOf(data);
            switch (type) {
                case AnthropicStreamEvent.ERROR -> sink.error(AnthropicErrors.fromErrorObject(endpoint,
                        parse(data).error()));
                case AnthropicMessagesEvent.MESSAGE_START, MESSAGE_DELTA -> {
                    AnthropicStreamEvent parsed = parse(data);
                    AnthropicUsage reported = MESSAGE_DELTA.equals(type) ? parsed.usage()
                            : parsed.message() == null ? null : parsed.message().usage();
                    if (reported != null) {
                        usage = reported.over(usage);
                    }
                    sink.next(new AnthropicMessagesEvent(type, data, AnthropicResponseMapper.usage(usage)));
                }
                default -> {
                    stopped |= MESSAGE_STOP.equals(type);
                    sink.next(new AnthropicMessagesEvent(type, data, null));
                }
            }
        }
        catch (JacksonException malformed) {
            sink.error(UpstreamErrors.malformed(endpoint, "a malformed stream event", malformed));
        }
    }

    /** Anthropic names every event; a proxy that drops the names still leaves the type in the data. */
    private String typeOf(String data) {
        String type = WireJson.mapper().readTree(data).path("type").asString(null);
        if (type == null) {
            throw UpstreamErrors.malformed(endpoint, "a stream event without a type", null);
        }
        return type;
    }

    private static AnthropicStreamEvent parse(String data) {
        return WireJson.mapper().readValue(data, AnthropicStreamEvent.class);
    }
}
