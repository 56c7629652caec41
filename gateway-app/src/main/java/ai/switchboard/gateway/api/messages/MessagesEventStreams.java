package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.PassedThroughEvent;
import ai.switchboard.providers.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes Anthropic event streams, framed as Anthropic frames them ({@code event: <type>\ndata: <json>\n\n}), each
 * event flushed as soon as it exists. A failure before the first event propagates, so the client gets a proper HTTP
 * error; a failure after it ends the stream with an {@code error} event and no {@code message_stop}, so no client
 * takes a broken answer for a whole one.
 */
public final class MessagesEventStreams {

    private static final byte[] EVENT_PREFIX = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_PREFIX = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private MessagesEventStreams() {
    }

    /**
     * The response body for {@code events}; {@code beforeCommit} may add headers once the first event exists (when
     * failover is over and it is known who serves the stream), and {@code requestId} goes into an error event.
     */
    public static BodyInserter<Publisher<Publisher<DataBuffer>>, ReactiveHttpOutputMessage> body(
            Flux<MessagesEvent> events, long maxRequestBytes, String requestId, Consumer<HttpHeaders> beforeCommit) {
        return (message, context) -> {
            if (beforeCommit != null) {
                message.beforeCommit(() -> Mono.fromRunnable(() -> beforeCommit.accept(message.getHeaders())));
            }
            DataBufferFactory factory = message.bufferFactory();
            AtomicBoolean started = new AtomicBoolean();
            Flux<DataBuffer> buffers = events
                    .map(event -> write(factory, event))
                    .doOnNext(buffer -> started.set(true))
                    .onErrorResume(failure -> started.get()
                            ? Mono.fromSupplier(() -> write(factory,
                                    MessagesError.of(failure, maxRequestBytes, requestId).body()))
                            : Mono.error(failure));
            return message.writeAndFlushWith(buffers.map(Mono::just));
        };
    }

    /** One event: an upstream's own exactly as it came, a translated one serialized. */
    static DataBuffer write(DataBufferFactory factory, MessagesEvent event) {
        byte[] type = event.type().getBytes(StandardCharsets.UTF_8);
        byte[] data = event instanceof PassedThroughEvent passed
                ? passed.upstream().data().getBytes(StandardCharsets.UTF_8)
                : WireJson.mapper().writeValueAsBytes(event);
        DataBuffer buffer = factory.allocateBuffer(EVENT_PREFIX.length + type.length + DATA_PREFIX.length
                + data.length + EVENT_END.length);
        buffer.write(EVENT_PREFIX);
        buffer.write(type);
        buffer.write(DATA_PREFIX);
        buffer.write(data);
        buffer.write(EVENT_END);
        return buffer;
    }
}
