package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.json.ClientJson;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body as JSON, refusing it with 413 as soon as it grows past the configured limit, and with a 400
 * that names the offending parameter when it does not bind. Bodies are held to {@link ClientJson}'s rules: JSON types
 * exactly as OpenAI documents them, no coercion, no duplicate keys.
 */
@Component
public class JsonBodies {

    /**
     * Readers are immutable and costly to configure, so one is built per body type and reused. Trailing data is
     * checked here rather than by Jackson, whose error for it cannot be told apart from a body that is not an object.
     */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return ClientJson.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        }
    };

    /**
     * Bodies that exercise every typed field of the request records. Jackson builds a type's deserializers on first
     * use under a lock; building them at start-up keeps the first concurrent requests from parking an event loop on
     * it.
     */
    private static final String WARM_CHAT = """
            {"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text",
            "text":"t"},{"type":"image_url","image_url":{"url":"https://x/y.png"}}]},{"role":"assistant",
            "content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},
            {"role":"tool","tool_call_id":"c","content":"r"}],"stream":true,"stream_options":{"include_usage":true},
            "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],"tool_choice":"auto",
            "parallel_tool_calls":true,"response_format":{"type":"json_schema","json_schema":{"name":"n",
            "schema":{"type":"object"}}},"n":1,"stop":["x"],"seed":1,"logprobs":false,"top_logprobs":0,
            "max_tokens":1,"max_completion_tokens":1,"temperature":0.5,"top_p":0.5,"presence_penalty":0,
            "frequency_penalty":0,"user":"u","metadata":{"k":"v"}}""";
    private static final String WARM_EMBEDDINGS = """
            {"model":"m","input":["a"],"encoding_format":"float","dimensions":8,"user":"u"}""";

    private final int maxBytes;

    public JsonBodies(ApiProperties properties) {
        this.maxBytes = (int) properties.maxRequestSize().toBytes();
        warm(ChatRequest.class, WARM_CHAT);
        warm(EmbeddingRequest.class, WARM_EMBEDDINGS);
        warm(ObjectNode.class, WARM_CHAT);
    }

    private static void warm(Class<?> type, String body) {
        READERS.get(type).readValue(body);
    }

    /** The body bound to {@code type}. */
    public <T> Mono<T> read(ServerRequest request, Class<T> type) {
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), maxBytes)
                .switchIfEmpty(Mono.error(() -> ApiException.invalidRequest(
                        "The request body is empty; a JSON object is required.", null)))
                .map(buffer -> bind(buffer, type));
    }

    /** Binds {@code buffer} and releases it. */
    static <T> T bind(DataBuffer buffer, Class<T> type) {
        ObjectReader reader = READERS.get(type);
        try (JsonParser parser = open(reader, buffer)) {
            return bind(reader, parser);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** A parser over the body; creating one already reads the first bytes to detect the encoding. */
    private static JsonParser open(ObjectReader reader, DataBuffer buffer) {
        try {
            return reader.createParser(buffer.asInputStream());
        } catch (JacksonException e) {
            throw ApiException.invalidRequest("We could not parse the JSON body of your request: "
                    + JsonSyntax.reason(e.getOriginalMessage()) + ".", null);
        }
    }

    private static <T> T bind(ObjectReader reader, JsonParser parser) {
        T value;
        try {
            value = reader.readValue(parser);
        } catch (JacksonException e) {
            throw JsonBodyErrors.of(e, parser);
        }
        if (value == null) {
            throw JsonBodyErrors.notAnObject();
        }
        try {
            if (parser.nextToken() != null) {
                throw JsonBodyErrors.trailingData(parser);
            }
        } catch (JacksonException e) {
            throw JsonBodyErrors.of(e, parser);
        }
        return value;
    }
}
