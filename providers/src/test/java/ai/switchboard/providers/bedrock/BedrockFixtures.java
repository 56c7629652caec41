package ai.switchboard.providers.bedrock;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Native Bedrock answers for tests: Converse JSON bodies and ConverseStream transcripts from
 * {@code src/test/resources/bedrock}, encoded into real event-stream frames (with CRCs) by AWS's own codec. Kept
 * free of test-framework types so that a shared adapter contract kit can take it over as its Bedrock fixture.
 */
public final class BedrockFixtures {

    private BedrockFixtures() {
    }

    /** A resource under {@code bedrock/} as text. */
    public static String resource(String name) {
        try (InputStream in = BedrockFixtures.class.getResourceAsStream("/bedrock/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource bedrock/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The frames of a transcript resource: one {@code eventType<TAB>payload} line per event. */
    public static List<Message> transcript(String name) {
        List<Message> frames = new ArrayList<>();
        for (String line : resource(name).split("\n")) {
            if (!line.isBlank()) {
                int tab = line.indexOf('\t');
                frames.add(event(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return frames;
    }

    /** An {@code event} frame. */
    public static Message event(String eventType, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return new Message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An {@code exception} frame, e.g. {@code throttlingException}. */
    public static Message exception(String exceptionType, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return new Message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The wire bytes of frames, as an upstream sends them. */
    public static byte[] encode(List<Message> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Message frame : frames) {
            frame.encode(out);
        }
        return out.toByteArray();
    }

    /** A chat request from JSON. */
    public static ChatRequest request(String json) {
        return WireJson.mapper().readValue(json, ChatRequest.class);
    }

    /** A one-message request to {@code model}. */
    public static ChatRequest simpleRequest(String model, boolean stream) {
        return request("{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }
}
