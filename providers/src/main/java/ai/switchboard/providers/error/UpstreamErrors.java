package ai.switchboard.providers.error;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The one place where upstream failures become {@link ProviderException}s: an HTTP status with its headers and body,
 * an error object sent inside a stream, or an I/O, timeout or parse failure.
 *
 * <p>Client-facing texts never carry credentials: 401 and 403 get a fixed message because OpenAI echoes part of the
 * key in them; every other upstream text (message, param, code) has the provider's configured secrets and anything
 * shaped like a key masked ({@link SecretRedactor}); I/O failures get fixed texts (the cause is kept for server-side
 * logs only). An exception an adapter classified itself is checked once more on its way through
 * {@link #fromThrowable}, so no adapter can forget.
 */
public final class UpstreamErrors {

    private static final int MAX_CAUSE_DEPTH = 8;
    private static final String POOL_ACQUIRE = "reactor.netty.internal.shaded.reactor.pool.PoolAcquire";

    private UpstreamErrors() {
    }

    /** The error type of an upstream HTTP status, before the body is considered. */
    public static ErrorType typeOf(int status) {
        return switch (status) {
            case 400 -> ErrorType.INVALID_REQUEST;
            case 401 -> ErrorType.AUTHENTICATION;
            case 403 -> ErrorType.PERMISSION;
            case 404 -> ErrorType.NOT_FOUND;
            case 408, 504 -> ErrorType.TIMEOUT;
            case 413 -> ErrorType.REQUEST_TOO_LARGE;
            case 429 -> ErrorType.RATE_LIMITED;
            case 503, 529 -> ErrorType.UPSTREAM_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorType.UPSTREAM_CLIENT_ERROR : ErrorType.UPSTREAM_SERVER_ERROR;
        };
    }

    /**
     * Whether an upstream status alone decides the error class. A 5xx (or a stray 1xx/3xx) is the upstream's own
     * failure, retried and failed over, whatever its body or error kind says: a 500 whose body reads
     * {@code invalid_request_error} is still a server error. Only a 4xx lets the body sharpen the class (a 400 that
     * is a context overflow, a 429 that is an exhausted quota). Provider classifiers ask this before their own
     * vocabulary may override a status; {@code 0} (no status, e.g. an error event in a 200 stream) decides nothing.
     */
    public static boolean statusDecides(int status) {
        return status > 0 && (status < 400 || status > 499);
    }

    /** Classifies a non-2xx response; {@code body} may be empty or truncated. */
    public static ProviderException fromResponse(ProviderEndpoint endpoint, int status, HttpHeaders headers,
            byte[] body) {
        return fromResponse(endpoint, status, headers, body, Clock.systemUTC());
    }

    /** As {@link #fromResponse(ProviderEndpoint, int, HttpHeaders, byte[])}, with the clock for HTTP-date delays. */
    public static ProviderException fromResponse(ProviderEndpoint endpoint, int status, HttpHeaders headers,
            byte[] body, Clock clock) {
        UpstreamErrorBody error = UpstreamErrorBody.parse(body, SecretRedactor.of(endpoint));
        ErrorType type = classify(status, error);
        int clientStatus = status >= 400 && status < 500 ? status : type.defaultStatus();
        return new ProviderException(type, clientStatus, message(endpoint, type, status, error), error.param(),
                error.code(), RetryAfter.parse(headers, clock), status);
    }

    /**
     * Classifies an error object an upstream sent with HTTP 200, as an SSE event or a JSON body
     * ({@code {"error":{...}}}). Its {@code code} may be an HTTP status (vLLM) or an OpenAI code.
     */
    public static ProviderException fromErrorPayload(ProviderEndpoint endpoint, JsonNode payload) {
        UpstreamErrorBody error = UpstreamErrorBody.of(payload, SecretRedactor.of(endpoint));
        ErrorType type = classify(statusCode(error.code()), error);
        return new ProviderException(type, type.defaultStatus(), message(endpoint, type, 0, error), error.param(),
                error.code(), null, null);
    }

    /**
     * Classifies a failure raised while calling an upstream; a {@link ProviderException} passes through, with any
     * configured secret of the endpoint masked in its texts.
     */
    public static ProviderException fromThrowable(ProviderEndpoint endpoint, Throwable failure) {
        if (failure instanceof ProviderException classified) {
            return withoutSecrets(endpoint, classified);
        }
        if (failure instanceof WebClientResponseException response) {
            return fromResponse(endpoint, response.getStatusCode().value(), response.getHeaders(),
                    response.getResponseBodyAsByteArray());
        }
        ErrorType type = typeOfCause(failure);
        String message = switch (type) {
            case CONCURRENCY_LIMITED -> "Provider '" + endpoint.name() + "' already has as many calls in flight as "
                    + "its connection pool allows";
            case CONNECTION_FAILED -> "Could not reach provider '" + endpoint.name() + "'";
            case TIMEOUT -> "Provider '" + endpoint.name() + "' did not answer in time";
            case MALFORMED_RESPONSE -> "Provider '" + endpoint.name() + "' sent a response that could not be read";
            default -> "The call to provider '" + endpoint.name() + "' failed";
        };
        return new ProviderException(type, type.defaultStatus(), message, null, null, null, null, failure);
    }

    /**
     * Classifies a failure after a stream's headers arrived: a dropped connection then means a truncated stream,
     * which callers must not mistake for a complete answer.
     */
    public static ProviderException fromStreamFailure(ProviderEndpoint endpoint, Throwable failure) {
        ProviderException classified = fromThrowable(endpoint, failure);
        if (classified.type() != ErrorType.CONNECTION_FAILED) {
            return classified;
        }
        return new ProviderException(ErrorType.STREAM_INTERRUPTED, ErrorType.STREAM_INTERRUPTED.defaultStatus(),
                streamInterruptedMessage(endpoint), null, null, null, null, failure);
    }

    /** A stream that ended without its end marker (OpenAI's {@code data: [DONE]}). */
    public static ProviderException streamInterrupted(ProviderEndpoint endpoint) {
        return ProviderException.of(ErrorType.STREAM_INTERRUPTED, streamInterruptedMessage(endpoint));
    }

    /** A 2xx answer that cannot be used: empty, not JSON, or not the expected shape. */
    public static ProviderException malformed(ProviderEndpoint endpoint, String what, Throwable cause) {
        return new ProviderException(ErrorType.MALFORMED_RESPONSE, ErrorType.MALFORMED_RESPONSE.defaultStatus(),
                "Provider '" + endpoint.name() + "' sent " + what, null, null, null, null, cause);
    }

    /**
     * Masks and truncates a text an upstream sent, for adapters that read error texts from places the shared
     * classifier does not (Bedrock's stream frame headers); {@code null} or blank gives {@code null}.
     */
    public static String upstreamText(ProviderEndpoint endpoint, String text) {
        return UpstreamErrorBody.scrub(text, SecretRedactor.of(endpoint));
    }

    private static ProviderException withoutSecrets(ProviderEndpoint endpoint, ProviderException failure) {
        SecretRedactor redactor = SecretRedactor.of(endpoint);
        if (!redactor.revealsConfigured(failure.getMessage()) && !redactor.revealsConfigured(failure.param())
                && !redactor.revealsConfigured(failure.code())) {
            return failure;
        }
        return new ProviderException(failure.type(), failure.status(), redactor.redactConfigured(failure.getMessage()),
                redactor.redactConfigured(failure.param()), redactor.redactConfigured(failure.code()),
                failure.retryAfter(), failure.upstreamStatus(), failure.getCause());
    }

    /** The class of an error answered with {@code status} ({@code 0}: none) and {@code error} as its body. */
    private static ErrorType classify(int status, UpstreamErrorBody error) {
        if (statusDecides(status)) {
            return typeOf(status);
        }
        return refine(status > 0 ? typeOf(status) : ErrorType.UPSTREAM_SERVER_ERROR, error);
    }

    private static ErrorType refine(ErrorType byStatus, UpstreamErrorBody error) {
        if ("insufficient_quota".equals(error.code()) || "insufficient_quota".equals(error.type())) {
            return ErrorType.QUOTA_EXCEEDED;
        }
        // Azure OpenAI's content filter rejects a prompt with 400 and this code; the client must see it as such.
        if ("content_filter".equals(error.code())) {
            return ErrorType.CONTENT_FILTERED;
        }
        if ("context_length_exceeded".equals(error.code()) || mentionsContextLength(error.message())) {
            return ErrorType.CONTEXT_LENGTH_EXCEEDED;
        }
        if (byStatus == ErrorType.UPSTREAM_SERVER_ERROR) {
            // Only an error without a status gets here (one inside a 200 stream): it carries only a type or code, so
            // honour the ones that change what a caller does.
            if ("rate_limit_exceeded".equals(error.code()) || "rate_limit_error".equals(error.type())) {
                return ErrorType.RATE_LIMITED;
            }
            if ("invalid_request_error".equals(error.type())) {
                return ErrorType.INVALID_REQUEST;
            }
        }
        return byStatus;
    }

    private static boolean mentionsContextLength(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("context_length_exceeded") || lower.contains("maximum context length");
    }

    private static String message(ProviderEndpoint endpoint, ErrorType type, int status, UpstreamErrorBody error) {
        if (type == ErrorType.AUTHENTICATION || type == ErrorType.PERMISSION) {
            return "The upstream provider rejected the gateway's credentials for provider '" + endpoint.name() + "'";
        }
        if (error.message() != null) {
            return error.message();
        }
        return status > 0
                ? "Provider '" + endpoint.name() + "' answered HTTP " + status
                : "Provider '" + endpoint.name() + "' reported an error";
    }

    private static String streamInterruptedMessage(ProviderEndpoint endpoint) {
        return "Provider '" + endpoint.name() + "' ended the stream before it was complete";
    }

    private static int statusCode(String code) {
        if (code == null || code.length() != 3) {
            return -1;
        }
        try {
            int status = Integer.parseInt(code);
            return status >= 400 && status < 600 ? status : -1;
        }
        catch (NumberFormatException notAStatus) {
            return -1;
        }
    }

    private static ErrorType typeOfCause(Throwable failure) {
        // The most specific cause wins (a timeout or parse error wrapped in an I/O exception is that, not a reset);
        // a bare I/O or codec failure decides only when nothing more specific is found.
        ErrorType fallback = ErrorType.UPSTREAM_SERVER_ERROR;
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            ErrorType type = typeOfOne(current);
            if (type != null) {
                return type;
            }
            if (current instanceof IOException && fallback == ErrorType.UPSTREAM_SERVER_ERROR) {
                fallback = ErrorType.CONNECTION_FAILED;
            }
            else if (current instanceof CodecException && fallback == ErrorType.UPSTREAM_SERVER_ERROR) {
                fallback = ErrorType.MALFORMED_RESPONSE;
            }
            current = current.getCause();
        }
        return fallback;
    }

    private static ErrorType typeOfOne(Throwable failure) {
        // The gateway's own connection pool was full (too many waiting, or waited too long): a limit, not a fault of
        // the upstream. Reactor Netty shades these classes, so they are known by name.
        if (failure.getClass().getName().startsWith(POOL_ACQUIRE)) {
            return ErrorType.CONCURRENCY_LIMITED;
        }
        if (failure instanceof TimeoutException || failure instanceof SocketTimeoutException
                || failure.getClass().getName().startsWith("io.netty.handler.timeout.")) {
            return ErrorType.TIMEOUT;
        }
        if (failure instanceof JacksonException || failure instanceof DataBufferLimitException) {
            return ErrorType.MALFORMED_RESPONSE;
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof PrematureCloseException || failure instanceof ClosedChannelException) {
            return ErrorType.CONNECTION_FAILED;
        }
        return null;
    }
}
