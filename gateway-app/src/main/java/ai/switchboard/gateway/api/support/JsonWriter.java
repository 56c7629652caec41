package ai.switchboard.gateway.api.support;

import ai.switchboard.providers.json.WireJson;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import reactor.core.publisher.Mono;

/**
 * Serializes wire records straight into response buffers. OpenAI streams are framed as {@code data: <json>\n\n}
 * with a space after the colon, byte for byte as OpenAI sends them; some hand-written clients depend on it.
 */
public final class JsonWriter {

    private static final byte[] DATA_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private JsonWriter() {
    }

    /** A JSON document. */
    public static DataBuffer write(DataBufferFactory factory, Object value) {
        return factory.wrap(WireJson.mapper().writeValueAsBytes(value));
    }

    /** A response body holding {@code value} as JSON, serialized when the response is written. */
    public static BodyInserter<Object, ReactiveHttpOutputMessage> body(Object value) {
        return (message, context) -> message.writeWith(Mono.fromSupplier(() -> write(message.bufferFactory(), value)));
    }

    /** One server-sent event carrying a JSON document. */
    public static DataBuffer event(DataBufferFactory factory, Object value) {
        byte[] json = WireJson.mapper().writeValueAsBytes(value);
        DataBuffer buffer = factory.allocateBuffer(DATA_PREFIX.length + json.length + EVENT_END.length);
        buffer.write(DATA_PREFIX);
        buffer.write(json);
        buffer.write(EVENT_END);
        return buffer;
    }

    /** A comment line carrying a label and a JSON document (which never holds a raw line break). */
    public static DataBuffer comment(DataBufferFactory factory, CommentEvent comment) {
        byte[] label = (": " + comment.label() + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] json = WireJson.mapper().writeValueAsBytes(comment.data());
        DataBuffer buffer = factory.allocateBuffer(label.length + json.length + EVENT_END.length);
        buffer.write(label);
        buffer.write(json);
        buffer.write(EVENT_END);
        return buffer;
    }

    /** The event that ends a successful OpenAI stream. */
    public static DataBuffer done(DataBufferFactory factory) {
        return factory.wrap(DONE);
    }
}
