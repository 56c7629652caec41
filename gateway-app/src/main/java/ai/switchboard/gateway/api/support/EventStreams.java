package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ErrorClassification;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes OpenAI server-sent event streams. Each event is flushed as soon as it is produced, never batched. A
 * failure before the first event propagates so the client gets a proper HTTP error status; a failure after it ends
 * the stream with an error event and no {@code [DONE]}, so no client mistakes a broken answer for a complete one.
 */
public final class EventStreams {

    private EventStreams() {
    }

    /** A streaming response body for {@code events}, serialized one JSON document per event. */
    public static <T> BodyInserter<Publisher<Publisher<DataBuffer>>, org.springframework.http.ReactiveHttpOutputMessage>
            body(Flux<T> events, long maxRequestBytes) {
        return body(events, maxRequestBytes, null);
    }

    /**
     * As above; {@code beforeCommit} may add headers right before they are sent, that is once the first event
     * exists, when failover is over and it is known who serves the stream.
     */
    public static <T> BodyInserter<Publisher<Publisher<DataBuffer>>, org.springframework.http.ReactiveHttpOutputMessage>
            body(Flux<T> events, long maxRequestBytes, Consumer<HttpHeaders> beforeCommit) {
        return (message, context) -> {
            if (beforeCommit != null) {
                message.beforeCommit(() -> Mono.fromRunnable(() -> beforeCommit.accept(message.getHeaders())));
            }
            DataBufferFactory factory = message.bufferFactory();
            AtomicBoolean started = new AtomicBoolean();
            Flux<DataBuffer> buffers = events
                    .map(event -> event instanceof CommentEvent comment ? JsonWriter.comment(factory, comment)
                            : JsonWriter.event(factory, event))
                    .doOnNext(buffer -> started.set(true))
                    .concatWith(Mono.fromSupplier(() -> JsonWriter.done(factory)))
                    .onErrorResume(failure -> started.get()
                            ? Mono.fromSupplier(() -> JsonWriter.event(factory,
                                    ErrorClassification.of(failure, maxRequestBytes).body()))
                            : Mono.error(failure));
            return message.writeAndFlushWith(buffers.map(Mono::just));
        };
    }

    /** The response builder with the headers every OpenAI stream carries. */
    public static ServerResponse.BodyBuilder headers(ServerResponse.BodyBuilder builder) {
        return builder.contentType(MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
    }
}
