package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.providers.json.WireJson;
import com.anthropic.core.ObjectMappers;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * Reads what the gateway writes with Anthropic's official Java SDK and its own strict checks ({@code validate()}),
 * the proof that a client gets exactly the types it expects.
 */
final class AnthropicSdk {

    private AnthropicSdk() {
    }

    /** An answer as the SDK's {@link Message}. */
    static Message message(Object answer) {
        return read(WireJson.mapper().writeValueAsString(answer), Message.class).validate();
    }

    /**
     * A stream as the SDK's events, every one validated, accumulated into the final {@link Message} as the SDK's
     * stream helpers do; {@code ping} is skipped as the SDK skips it. Each event is read back from its SSE framing,
     * whose name must be its type.
     */
    static Message accumulate(List<MessagesEvent> events) {
        MessageAccumulator accumulator = MessageAccumulator.create();
        for (MessagesEvent event : events) {
            String frame = frame(event);
            assertThat(frame).startsWith("event: " + event.type() + "\ndata: ").endsWith("\n\n");
            if ("ping".equals(event.type())) {
                continue;
            }
            String data = frame.substring(frame.indexOf("\ndata: ") + 7, frame.length() - 2);
            RawMessageStreamEvent parsed = read(data, RawMessageStreamEvent.class).validate();
            accumulator.accumulate(parsed);
        }
        return accumulator.message().validate();
    }

    /** JSON read by the SDK's own mapper (Jackson 2, whose exceptions are checked). */
    static <T> T read(String json, Class<T> type) {
        try {
            return ObjectMappers.jsonMapper().readValue(json, type);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The bytes the gateway writes for one event. */
    static String frame(MessagesEvent event) {
        DataBuffer buffer = MessagesEventStreams.write(DefaultDataBufferFactory.sharedInstance, event);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
