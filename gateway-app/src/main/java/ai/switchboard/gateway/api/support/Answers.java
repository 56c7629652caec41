package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.pipeline.RequestContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a pipeline's answer in the OpenAI API's framing, with the {@code x-switchboard-*} headers that say who
 * served it: one JSON document, or a server-sent event stream whose headers are written once the first event
 * exists (when failover is over and the serving deployment is known).
 */
public final class Answers {

    private Answers() {
    }

    public static Mono<ServerResponse> json(RequestContext context, Object body) {
        return ServerResponse.ok()
                .headers(headers -> GatewayHeaders.describe(headers, context.trace(), context.debug()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(JsonWriter.body(body));
    }

    public static <T> Mono<ServerResponse> stream(RequestContext context, Flux<T> events, long maxRequestBytes) {
        return EventStreams.headers(ServerResponse.ok())
                .body(EventStreams.body(events, maxRequestBytes,
                        headers -> GatewayHeaders.describe(headers, context.trace(), context.debug())));
    }
}
