package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.providers.json.WireJson;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a request body as JSON, refusing it with 413 as soon as it grows past the configured limit, and with a 400
 * that names the offending parameter when it does not bind.
 */
@Component
public class JsonBodies {

    /**
     * Readers are immutable and costly to configure, so one is built per body type and reused; clients are held to
     * OpenAI's types: 1.5 is not an integer, even though Jackson would round it.
     */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return WireJson.mapper().readerFor(type).without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        }
    };

    private final int maxBytes;

    public JsonBodies(ApiProperties properties) {
        this.maxBytes = (int) properties.maxRequestSize().toBytes();
    }

    /** The body bound to {@code type}. */
    public <T> Mono<T> read(ServerRequest request, Class<T> type) {
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), maxBytes)
                .switchIfEmpty(Mono.error(() -> ApiException.invalidRequest(
                        "The request body is empty; a JSON object is required.", null)))
                .map(buffer -> bind(buffer, type));
    }

    private static <T> T bind(DataBuffer buffer, Class<T> type) {
        try {
            T value = READERS.get(type).readValue(buffer.asInputStream());
            if (value == null) {
                throw ApiException.invalidRequest("The request body must be a JSON object.", null);
            }
            return value;
        } catch (StreamReadException e) {
            throw ApiException.invalidRequest(
                    "We could not parse the JSON body of your request: " + e.getOriginalMessage(), null);
        } catch (DatabindException e) {
            String param = JsonPaths.describe(e);
            throw ApiException.invalidRequest(
                    param == null ? "The request body must be a JSON object."
                            : "Invalid type for '" + param + "': " + e.getOriginalMessage(), param);
        } catch (JacksonException e) {
            throw ApiException.invalidRequest("Invalid JSON body: " + e.getOriginalMessage(), null);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
