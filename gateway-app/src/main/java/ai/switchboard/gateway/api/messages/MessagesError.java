package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.error.ErrorClassification;
import ai.switchboard.gateway.api.messages.wire.ErrorEvent;
import ai.switchboard.providers.anthropic.api.AnthropicError;

/**
 * A failure as an Anthropic client is told it: Anthropic's status and {@code error.type}, so that the SDKs raise
 * their typed exceptions and retry what Anthropic's own answers would let them retry. Which failure it was, and its
 * message, come from the gateway's one classification ({@link ErrorClassification}); only the vocabulary changes:
 *
 * <table>
 *   <caption>Gateway status to Anthropic's</caption>
 *   <tr><th>gateway</th><th>Anthropic</th></tr>
 *   <tr><td>400 (and other 4xx without a type of their own)</td><td>that status, {@code invalid_request_error}</td></tr>
 *   <tr><td>401</td><td>401 {@code authentication_error}</td></tr>
 *   <tr><td>402</td><td>402 {@code billing_error}</td></tr>
 *   <tr><td>403</td><td>403 {@code permission_error}</td></tr>
 *   <tr><td>404</td><td>404 {@code not_found_error}</td></tr>
 *   <tr><td>413</td><td>413 {@code request_too_large}</td></tr>
 *   <tr><td>429 (rate limits, quotas, budgets)</td><td>429 {@code rate_limit_error}</td></tr>
 *   <tr><td>503 (upstream overloaded or unavailable)</td><td>529 {@code overloaded_error}</td></tr>
 *   <tr><td>504 (timeout)</td><td>504 {@code timeout_error}</td></tr>
 *   <tr><td>500, 502 and other 5xx</td><td>500 {@code api_error}</td></tr>
 * </table>
 *
 * @param status the HTTP status
 * @param body the error body (also the data of a stream's {@code error} event)
 * @param retryAfter seconds for a {@code Retry-After} header, or {@code null}
 * @param metricTag the low-cardinality {@code error.type} tag, as for every other API
 */
public record MessagesError(int status, ErrorEvent body, Long retryAfter, String metricTag) {

    /** Classifies a failure; {@code maxRequestBytes} explains a 413, {@code requestId} may be {@code null}. */
    public static MessagesError of(Throwable failure, long maxRequestBytes, String requestId) {
        ErrorClassification classified = ErrorClassification.of(failure, maxRequestBytes);
        int gatewayStatus = classified.status();
        int status = switch (gatewayStatus) {
            case 503 -> 529;
            case 504 -> 504;
            default -> gatewayStatus >= 500 ? 500 : gatewayStatus;
        };
        AnthropicError error = new AnthropicError(type(status), classified.body().error().message());
        return new MessagesError(status, new ErrorEvent(error, requestId), classified.retryAfter(),
                classified.metricTag());
    }

    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 500 -> "api_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> "invalid_request_error";
        };
    }
}
