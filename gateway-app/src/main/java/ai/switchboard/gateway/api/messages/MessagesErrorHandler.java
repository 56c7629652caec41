package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.request.ApiShape;
import ai.switchboard.gateway.request.RequestIds;
import ai.switchboard.providers.json.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every failure of the Messages API's routes ({@link ApiShape#ANTHROPIC}) in Anthropic's error shape
 * ({@link MessagesError}), so that Anthropic's SDKs and Claude Code raise their typed errors: refused keys, bad input,
 * unknown models and upstream failures alike. Runs ahead of the OpenAI shape's handler, which the {@code /v1} path
 * would otherwise choose.
 */
@Component
@Order(-3)
public class MessagesErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(MessagesErrorHandler.class);

    private final long maxRequestBytes;

    public MessagesErrorHandler(ApiProperties properties) {
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (ApiShape.of(exchange) != ApiShape.ANTHROPIC) {
            return Mono.error(failure);
        }
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // A stream already sent its own error event; nothing more can reach the client.
            return Mono.empty();
        }
        String requestId = RequestIds.of(exchange);
        MessagesError error = MessagesError.of(failure, maxRequestBytes, requestId);
        if (error.status() >= 500) {
            if ("internal".equals(error.metricTag())) {
                log.error("Request {} failed inside the gateway", requestId, failure);
            } else {
                log.warn("Request {} failed upstream: {} ({})", requestId, error.metricTag(), failure.getMessage());
            }
        }
        response.setStatusCode(HttpStatusCode.valueOf(error.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.CACHE_CONTROL);
        if (failure instanceof ResponseStatusException refused) {
            headers.addAll(refused.getHeaders());
        }
        if (error.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfter()));
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory()
                .wrap(WireJson.mapper().writeValueAsBytes(error.body()))));
    }
}
