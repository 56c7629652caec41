package ai.switchboard.providers.openai.internal;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes an OpenAI event stream: one JSON document per {@code data:} line, ended by {@code data: [DONE]}.
 *
 * <p>Only {@code [DONE]} completes the result. A stream that ends without it was cut off (its usage chunk is lost
 * and the answer is partial), so it ends with {@code STREAM_INTERRUPTED} rather than a normal completion that a
 * client would take for a full answer. The result completes as soon as {@code [DONE]} arrives, without waiting for
 * the upstream to close the body, so a server that lingers after the marker cannot make a client wait.
 */
public final class OpenAiStreams {

    private static final String DONE = "[DONE]";
    private static final String RESPONSES_ERROR = "error";
    private static final java.util.Set<String> RESPONSES_TERMINAL = java.util.Set.of("response.completed",
            "response.incomplete", "response.failed");

    private OpenAiStreams() {
    }

    /** Chat completion chunks; tolerates empty {@code choices} (Azure filter results) and unknown fields. */
    public static Flux<ChatChunk> chatChunks(ProviderEndpoint endpoint, Flux<ServerSentEvent<String>> events) {
        return decode(endpoint, events, data -> parseChunk(endpoint, data));
    }

    /** Legacy completion chunks, kept as JSON. */
    public static Flux<ObjectNode> completionChunks(ProviderEndpoint endpoint,
            Flux<ServerSentEvent<String>> events) {
        return decode(endpoint, events, data -> parseObject(endpoint, data));
    }

    /**
     * Responses API events, kept as JSON. Unlike chat, such a stream has no {@code [DONE]}: it is complete after its
     * terminal event, and cut off if it ends before one. An {@code error} event fails it.
     */
    public static Flux<ObjectNode> responseEvents(ProviderEndpoint endpoint, Flux<ServerSentEvent<String>> events) {
        return Flux.defer(() -> {
            boolean[] terminal = new boolean[1];
            return events
                    .<ObjectNode>handle((event, sink) -> {
                        String data = event.data();
                        if (data == null || data.isEmpty() || isDone(data)) {
                            return;
                        }
                        try {
                            ObjectNode node = parseObject(endpoint, data);
                            if (RESPONSES_ERROR.equals(node.path("type").asString(null))) {
                                sink.error(UpstreamErrors.fromErrorPayload(endpoint, node));
                                return;
                            }
                            terminal[0] = RESPONSES_TERMINAL.contains(node.path("type").asString(""));
                            sink.next(node);
                        }
                        catch (RuntimeException failure) {
                            sink.error(UpstreamErrors.fromThrowable(endpoint, failure));
                        }
                    })
                    .takeUntil(node -> terminal[0])
                    .concatWith(Mono.defer(() -> terminal[0]
                            ? Mono.empty()
                            : Mono.error(UpstreamErrors.streamInterrupted(endpoint))));
        });
    }

    private static <T> Flux<T> decode(ProviderEndpoint endpoint, Flux<ServerSentEvent<String>> events,
            ChunkParser<T> parser) {
        return Flux.defer(() -> {
            boolean[] done = new boolean[1];
            return events
                    .takeUntil(event -> isDone(event.data()))
                    .<T>handle((event, sink) -> {
                        String data = event.data();
                        // Comments (": keep-alive") and events without data carry nothing to translate.
                        if (data == null || data.isEmpty()) {
                            return;
                        }
                        if (isDone(data)) {
                            done[0] = true;
                            return;
                        }
                        try {
                            sink.next(parser.parse(data));
                        }
                        catch (RuntimeException failure) {
                            sink.error(UpstreamErrors.fromThrowable(endpoint, failure));
                        }
                    })
                    .concatWith(Mono.defer(() -> done[0]
                            ? Mono.empty()
                            : Mono.error(UpstreamErrors.streamInterrupted(endpoint))));
        });
    }

    private static boolean isDone(String data) {
        return data != null && (DONE.equals(data) || DONE.equals(data.strip()));
    }

    private static ChatChunk parseChunk(ProviderEndpoint endpoint, String data) {
        try {
            // Error events are rare: look for the key before paying for a tree, and bind chunks directly.
            if (data.contains("\"error\"")) {
                JsonNode node = WireJson.mapper().readTree(data);
                rejectError(endpoint, node);
                return WireJson.mapper().treeToValue(node, ChatChunk.class);
            }
            return WireJson.mapper().readValue(data, ChatChunk.class);
        }
        catch (JacksonException malformed) {
            throw UpstreamErrors.malformed(endpoint, "a malformed stream event", malformed);
        }
    }

    private static ObjectNode parseObject(ProviderEndpoint endpoint, String data) {
        JsonNode node;
        try {
            node = WireJson.mapper().readTree(data);
        }
        catch (JacksonException malformed) {
            throw UpstreamErrors.malformed(endpoint, "a malformed stream event", malformed);
        }
        if (!(node instanceof ObjectNode object)) {
            throw UpstreamErrors.malformed(endpoint, "a stream event that is not a JSON object", null);
        }
        rejectError(endpoint, object);
        return object;
    }

    /** An error sent after HTTP 200, as an event whose JSON has an {@code error} key. */
    static void rejectError(ProviderEndpoint endpoint, JsonNode node) {
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            throw UpstreamErrors.fromErrorPayload(endpoint, node);
        }
    }

    @FunctionalInterface
    private interface ChunkParser<T> {
        T parse(String data);
    }
}
