package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.providers.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** Request bodies read exactly as the handler reads them (strict binding), and the recorded ones under resources. */
final class MessagesBodies {

    private static final JsonBodies BODIES = new JsonBodies(new ApiProperties(null));

    private MessagesBodies() {
    }

    /** Binds {@code json} as {@code POST /v1/messages} does; a body that does not bind throws its 400. */
    static MessagesRequest parse(String json) {
        MockServerRequest request = MockServerRequest.builder()
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(json.getBytes(StandardCharsets.UTF_8))));
        return BODIES.read(request, MessagesRequest.class).block();
    }

    /** Binds and checks a messages body. */
    static MessagesRequest valid(String json) {
        MessagesRequest request = parse(json);
        MessagesRequestValidator.validate(request);
        return request;
    }

    /** A recorded body from {@code src/test/resources/messages/}. */
    static String resource(String name) {
        try (InputStream in = MessagesBodies.class.getResourceAsStream("/messages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static JsonNode json(String text) {
        return WireJson.mapper().readTree(text);
    }

    static JsonNode json(Object value) {
        return WireJson.mapper().valueToTree(value);
    }
}
