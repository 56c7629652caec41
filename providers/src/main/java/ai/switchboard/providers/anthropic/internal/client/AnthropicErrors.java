package ai.switchboard.providers.anthropic.internal.client;

import ai.switchboard.providers.anthropic.api.AnthropicError;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * What Anthropic's errors add to the shared classifier in {@link UpstreamErrors}, which already reads Anthropic's
 * body shape ({@code {"type":"error","error":{"type","message"}}}) and knows its statuses, 529 included.
 *
 * <ul>
 *   <li>An {@code error} event inside a 200 stream has no status; its {@code error.type} names the status the same
 *       failure gets as an HTTP answer, and it is classified as that answer would be (so {@code overloaded_error}
 *       is {@code UPSTREAM_UNAVAILABLE}, {@code rate_limit_error} is {@code RATE_LIMITED}).</li>
 *   <li>Anthropic reports an over-long prompt as a plain 400 ({@code prompt is too long: …}); it becomes
 *       {@code CONTEXT_LENGTH_EXCEEDED} so routing can pick a model with a larger window.</li>
 * </ul>
 */
public final class AnthropicErrors {

    /** Anthropic's {@code error.type} values and the HTTP status each is sent with (docs: /en/api/errors). */
    private static final Map<String, Integer> STATUS_BY_TYPE = Map.of(
            "invalid_request_error", 400,
            "authentication_error", 401,
            "billing_error", 402,
            "permission_error", 403,
            "not_found_error", 404,
            "request_too_large", 413,
            "rate_limit_error", 429,
            "api_error", 500,
            "timeout_error", 504,
            "overloaded_error", 529);

    private AnthropicErrors() {
    }

    /** Classifies an error Anthropic sent after HTTP 200: an {@code error} stream event or an error body. */
    public static ProviderException fromErrorObject(ProviderEndpoint endpoint, AnthropicError error) {
        AnthropicError known = error == null ? new AnthropicError(null, null) : error;
        byte[] body = WireJson.mapper().writeValueAsBytes(Map.of("type", "error", "error", known));
        Integer status = known.type() == null ? null : STATUS_BY_TYPE.get(known.type());
        if (status == null) {
            return refine(UpstreamErrors.fromErrorPayload(endpoint, WireJson.mapper().readTree(body)));
        }
        ProviderException byStatus = UpstreamErrors.fromResponse(endpoint, status, new HttpHeaders(), body);
        // The HTTP exchange itself succeeded, so there is no upstream status to report.
        return refine(new ProviderException(byStatus.type(), byStatus.status(), byStatus.getMessage(),
                byStatus.param(), byStatus.code(), null, null));
    }

    /** Sharpens a classified failure with what only Anthropic's messages say; others pass unchanged. */
    public static ProviderException refine(ProviderException failure) {
        if (failure.type() == ErrorType.INVALID_REQUEST && isContextLength(failure.getMessage())) {
            return new ProviderException(ErrorType.CONTEXT_LENGTH_EXCEEDED, failure.status(), failure.getMessage(),
                    failure.param(), "context_length_exceeded", failure.retryAfter(), failure.upstreamStatus(),
                    failure.getCause());
        }
        return failure;
    }

    private static boolean isContextLength(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.startsWith("prompt is too long") || lower.contains("exceed context limit");
    }
}
