package ai.switchboard.gateway.api.error;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.time.Duration;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Maps any failure on the {@code /v1} path to what the client is told: status, OpenAI error body and, when known,
 * how long to wait. This is the one place where failures become HTTP.
 *
 * @param retryAfter seconds for a {@code Retry-After} header, or {@code null}
 * @param metricTag the low-cardinality {@code error.type} tag
 */
public record ErrorClassification(int status, OpenAiError body, Long retryAfter, String metricTag) {

    /** Classifies a failure; {@code maxRequestBytes} is used to explain a 413. */
    public static ErrorClassification of(Throwable failure, long maxRequestBytes) {
        if (failure instanceof ApiException api) {
            return new ErrorClassification(api.status(),
                    OpenAiError.of(api.getMessage(), api.type(), api.param(), api.code()), api.retryAfterSeconds(),
                    api.code() != null ? api.code() : api.type());
        }
        if (failure instanceof RoutingFailedException routed) {
            ErrorClassification decisive = fromProvider(routed.decisive());
            OpenAiError.Detail detail = decisive.body().error();
            return new ErrorClassification(decisive.status(), new OpenAiError(new OpenAiError.Detail(
                    routed.getMessage(), detail.type(), detail.param(), detail.code(), routed.attempts())),
                    decisive.retryAfter(), decisive.metricTag());
        }
        if (failure instanceof ProviderException provider) {
            return fromProvider(provider);
        }
        if (failure instanceof DataBufferLimitException) {
            return of(ApiException.tooLarge(maxRequestBytes), maxRequestBytes);
        }
        if (failure instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            String message = status.getReason() != null ? status.getReason() : "Request failed with status " + code;
            return new ErrorClassification(code, OpenAiError.of(message, "invalid_request_error", null, null), null,
                    "http_" + code);
        }
        return new ErrorClassification(500, OpenAiError.of(
                "The gateway failed to process the request. Check the gateway logs with the request id.",
                "api_error", null, null), null, "internal");
    }

    private static ErrorClassification fromProvider(ProviderException e) {
        ErrorType type = e.type();
        String code = e.code() != null ? e.code() : type.openAiCode();
        Duration retryAfter = e.retryAfter();
        Long retryAfterSeconds = retryAfter == null ? null : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ErrorClassification(e.status(), OpenAiError.of(e.getMessage(), type.openAiType(), e.param(), code),
                retryAfterSeconds, type.tag());
    }
}
