package ai.switchboard.gateway.api.error;

import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.request.ApiShape;
import ai.switchboard.gateway.request.RequestIds;
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
 * Renders every failure on {@code /v1} ({@link ApiShape#OPENAI}) in OpenAI's error shape, so SDKs raise their typed
 * exceptions. Runs before Spring Boot's default handler, which would answer in its own shape.
 */
@Component
@Order(-2)
public class OpenAiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenAiErrorHandler.class);

    private final ApiProperties properties;

    public OpenAiErrorHandler(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (ApiShape.of(exchange) != ApiShape.OPENAI) {
            return Mono.error(failure);
        }
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // A stream already sent its own error event; nothing more can reach the client.
            return Mono.empty();
        }
        ErrorClassification error = ErrorClassification.of(failure, properties.maxRequestSize().toBytes());
        if (error.status() >= 500) {
            logServerError(exchange, failure, error);
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
        return response.writeWith(Mono.fromSupplier(() -> JsonWriter.write(response.bufferFactory(), error.body())));
    }

    private static void logServerError(ServerWebExchange exchange, Throwable failure, ErrorClassification error) {
        String requestId = RequestIds.of(exchange);
        if ("internal".equals(error.metricTag())) {
            log.error("Request {} failed inside the gateway", requestId, failure);
        } else {
            log.warn("Request {} failed upstream: {} ({})", requestId, error.metricTag(), failure.getMessage());
        }
    }
}
