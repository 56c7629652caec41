package ai.switchboard.gateway.api.responses;

import ai.switchboard.providers.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a Responses stream as OpenAI frames it: {@code event: <type>} and {@code data: <json>} per event, flushed one
 * by one, and no {@code [DONE]} (the terminal event ends it). The translators already turn a failure after the first
 * event into {@code response.failed}; a failure before it propagates, so the client gets an HTTP error status.
 */
public final class ResponsesEventWriter {

    private static final byte[] EVENT_PREFIX = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_PREFIX = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private ResponsesEventWriter() {
    }

    /** One event, framed. */
    public static DataBuffer event(DataBufferFactory factory, String type, Object data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] json = WireJson.mapper().writeValueAsBytes(data);
        DataBuffer buffer = factory.allocateBuffer(EVENT_PREFIX.length + name.length + DATA_PREFIX.length
                + json.length + EVENT_END.length);
        buffer.write(EVENT_PREFIX);
        buffer.write(name);
        buffer.write(DATA_PREFIX);
        buffer.write(json);
        buffer.write(EVENT_END);
        return buffer;
    }

    /**
     * A streaming body for {@code events} (translated {@code ResponsesEvent}s, or a native upstream's JSON events),
     * each named by {@code typeOf}; {@code beforeCommit} may add headers right before they are sent, once the first
     * event exists and it is known who serves the stream.
     */
    public static <T> BodyInserter<Publisher<Publisher<DataBuffer>>, ReactiveHttpOutputMessage> body(Flux<T> events,
            Function<? super T, String> typeOf, Consumer<HttpHeaders> beforeCommit) {
        return (message, context) -> {
            if (beforeCommit != null) {
                message.beforeCommit(() -> Mono.fromRunnable(() -> beforeCommit.accept(message.getHeaders())));
            }
            DataBufferFactory factory = message.bufferFactory();
            return message.writeAndFlushWith(events.map(event -> Mono.just(event(factory, typeOf.apply(event),
                    event))));
        };
    }

    /** The type of a native upstream's event. */
    public static String typeOf(ObjectNode event) {
        return event.path("type").asString("");
    }
}
