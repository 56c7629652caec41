package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.OrderedStreams;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.cohere.internal.api.CohereStreamEvent;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Decodes a Cohere chat event stream ({@code data:} JSON with a {@code type}) into OpenAI chunks.
 *
 * <p>Cohere sends no {@code [DONE]}: {@code message-end} is the end marker. The result completes as soon as it
 * arrives (an upstream that lingers cannot make a client wait), and a stream that ends before it was cut off, so it
 * fails with {@code STREAM_INTERRUPTED} instead of completing as if the answer were whole.
 */
public final class CohereStreams {

    static final String MESSAGE_END = "message-end";

    private CohereStreams() {
    }

    /** The chunks of one stream; {@code model} is the requested id, {@code created} epoch seconds. */
    public static Flux<ChatChunk> chatChunks(ProviderEndpoint endpoint, String model, long created,
            Flux<ServerSentEvent<String>> events) {
        return Flux.defer(() -> {
            CohereStreamTranslator translator = new CohereStreamTranslator(endpoint, model, created);
            return OrderedStreams.flatten(events
                            // Comments and keep-alives carry no data.
                            .filter(event -> event.data() != null && !event.data().isBlank())
                            .map(event -> parse(endpoint, event))
                            .takeUntil(event -> MESSAGE_END.equals(event.type())), translator::translate)
                    .concatWith(Mono.defer(() -> translator.finished()
                            ? Mono.empty()
                            : Mono.error(UpstreamErrors.streamInterrupted(endpoint))));
        });
    }

    /** Parses one event; {@code type} decides, and an {@code event:} line only stands in when it is absent. */
    static CohereStreamEvent parse(ProviderEndpoint endpoint, ServerSentEvent<String> event) {
        CohereStreamEvent parsed;
        try {
            parsed = WireJson.mapper().readValue(event.data(), CohereStreamEvent.class);
        }
        catch (JacksonException malformed) {
            throw UpstreamErrors.malformed(endpoint, "a malformed stream event", malformed);
        }
        if (parsed == null) {
            throw UpstreamErrors.malformed(endpoint, "a stream event that is not a JSON object", null);
        }
        if (parsed.type() == null && event.event() != null) {
            return new CohereStreamEvent(event.event(), parsed.id(), parsed.index(), parsed.delta(), parsed.logprobs());
        }
        return parsed;
    }
}
