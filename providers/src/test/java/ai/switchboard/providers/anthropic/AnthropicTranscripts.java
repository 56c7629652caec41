package ai.switchboard.providers.anthropic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Native Anthropic bodies recorded in the documented wire format, kept under {@code src/test/resources/anthropic/}:
 * {@code *.json} answers and {@code *.sse} streams ({@code event:} + {@code data:} lines, blank line between events).
 * Unit tests read a stream as events; ITs serve the same bytes over HTTP, so both see one transcript.
 */
public final class AnthropicTranscripts {

    private AnthropicTranscripts() {
    }

    /** The transcript's bytes as text. */
    public static String body(String name) {
        try (InputStream in = AnthropicTranscripts.class.getResourceAsStream("/anthropic/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No transcript " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A stream transcript split into events, as Spring's SSE decoder yields them. */
    public static List<ServerSentEvent<String>> events(String name) {
        List<ServerSentEvent<String>> events = new ArrayList<>();
        for (String block : body(name).split("\n\n")) {
            String event = null;
            StringBuilder data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                }
                else if (line.startsWith("data:")) {
                    String value = line.substring(5).stripLeading();
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            if (event != null || data != null) {
                events.add(ServerSentEvent.<String>builder().event(event).data(data == null ? null : data.toString())
                        .build());
            }
        }
        return events;
    }
}
