package ai.switchboard.gateway.auth;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.error.OpenAiError;
import ai.switchboard.gateway.api.support.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes authentication failures in the shape each API speaks: OpenAI's error object on {@code /v1}, RFC 9457
 * problem details on {@code /admin}.
 */
@Component
class AuthErrorWriter {

    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    Mono<Void> write(ServerWebExchange exchange, ApiException error) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(error.status()));
        if (error.status() == 401) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Object body;
        if (exchange.getRequest().getPath().value().startsWith("/admin")) {
            response.getHeaders().setContentType(PROBLEM_JSON);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", HttpStatus.valueOf(error.status()).getReasonPhrase());
            problem.put("status", error.status());
            problem.put("detail", error.getMessage());
            problem.put("instance", exchange.getRequest().getPath().value());
            body = problem;
        } else {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            body = OpenAiError.of(error.getMessage(), error.type(), error.param(), error.code());
        }
        return response.writeWith(Mono.fromSupplier(() -> JsonWriter.write(response.bufferFactory(), body)));
    }
}
