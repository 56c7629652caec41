package ai.switchboard.gateway.request;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.support.JsonWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders, as RFC 9457 problem details, every failure outside {@code /v1} that no controller advice rendered: refused
 * paths and keys, unknown URLs (admin ones included), wrong methods (with {@code Allow}), unacceptable media types.
 * Runs before Spring Boot's default handler, whose JSON is neither the admin API's shape nor OpenAI's.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
    /** Longer paths (a 414's, say) are not echoed back. */
    private static final int MAX_INSTANCE_LENGTH = 2048;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (ApiShape.of(exchange) != ApiShape.PROBLEM || response.isCommitted()) {
            return Mono.error(failure);
        }
        int status;
        String detail;
        HttpHeaders headers = response.getHeaders();
        if (failure instanceof ApiException api) {
            status = api.status();
            detail = api.getMessage();
        } else if (failure instanceof ResponseStatusException refused) {
            status = refused.getStatusCode().value();
            detail = refused.getReason() != null ? refused.getReason() : describe(status, exchange);
            headers.addAll(refused.getHeaders());
        } else {
            log.error("Request {} {} failed", RequestIds.of(exchange), exchange.getRequest().getMethod(), failure);
            status = HttpStatus.INTERNAL_SERVER_ERROR.value();
            detail = "Internal error";
        }
        response.setStatusCode(HttpStatusCode.valueOf(status));
        headers.setContentType(ApiShape.PROBLEM.contentType());
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        String path = exchange.getRequest().getPath().value();
        ProblemBody body = ProblemBody.of(status, detail, path.length() <= MAX_INSTANCE_LENGTH ? path : null);
        return response.writeWith(Mono.fromSupplier(() -> JsonWriter.write(response.bufferFactory(), body)));
    }

    private static String describe(int status, ServerWebExchange exchange) {
        return status == HttpStatus.NOT_FOUND.value()
                ? "No endpoint at " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value()
                : ProblemBody.of(status, null, null).title();
    }
}
