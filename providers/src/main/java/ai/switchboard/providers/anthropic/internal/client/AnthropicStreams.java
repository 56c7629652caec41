package ai.switchboard.providers.anthropic.internal.client;

import ai.switchboard.providers.anthropic.internal.api.AnthropicStreamEvent;
import ai.switchboard.providers.anthropic.internal.mapper.AnthropicStreamTranslator;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import tools.jackson.core.JacksonException;

/**
 * Decodes an Anthropic event stream ({@code event:} + {@code data:} lines) into OpenAI chunks.
 *
 * <p>Only {@code message_stop} completes the result: a stream that ends without it was cut off, and ends with
 * {@code STREAM_INTERRUPTED} rather than a normal completion a client would take for a full answer. The result
 * completes as soon as {@code message_stop} arrives, without waiting for the upstream to close the body. An
 * {@code error} event (Anthropic sends them after HTTP 200, e.g. when overloaded mid-answer) ends the stream with
 * the classified error.
 */
public final class AnthropicStreams {

    private AnthropicStreams() {
    }

    /**
     * The chunks of one stream, all sharing the upstream message id, {@code created} and model.
     *
     * @param requestModel the model to report if {@code message_start} names none
     * @param created the stream's creation time in epoch seconds (Anthropic sends none)
     */
    public static Flux<ChatChunk> chatChunks(ProviderEndpoint endpoint, String requestModel, long created,
            Flux<ServerSentEvent<String>> events) {
        return Flux.defer(() -> {
            AnthropicStreamTranslator translator = new AnthropicStreamTranslator(endpoint, requestModel, created);
            return events
                    .takeUntil(event -> AnthropicStreamEvent.MESSAGE_STOP.equals(event.event()))
                    .<ChatChunk>handle((event, sink) -> translate(endpoint, translator, event, sink))
                    .concatWith(Mono.defer(() -> translator.stopped()
                            ? Mono.empty()
                            : Mono.error(UpstreamErrors.streamInterrupted(endpoint))));
        });
    }

    private static void translate(ProviderEndpoint endpoint, AnthropicStreamTranslator translator,
            ServerSentEvent<String> event, SynchronousSink<ChatChunk> sink) {
        String data = event.data();
        // Comments and events without data carry nothing to translate.
        if (data == null || data.isEmpty()) {
            return;
        }
        try {
            AnthropicStreamEvent parsed = WireJson.mapper().readValue(data, AnthropicStreamEvent.class);
            if (AnthropicStreamEvent.ERROR.equals(parsed.type())) {
                sink.error(AnthropicErrors.fromErrorObject(endpoint, parsed.error()));
                return;
            }
            ChatChunk chunk = translator.next(parsed);
            if (chunk != null) {
                sink.next(chunk);
            }
        }
        catch (JacksonException malformed) {
            sink.error(UpstreamErrors.malformed(endpoint, "a malformed stream event", malformed));
        }
        catch (RuntimeException failure) {
            sink.error(UpstreamErrors.fromThrowable(endpoint, failure));
        }
    }
}
