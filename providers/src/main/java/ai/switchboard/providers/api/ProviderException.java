package ai.switchboard.providers.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A classified upstream failure. Messages never contain credentials: adapters build them from the upstream's
 * error text only when that text cannot echo the gateway's key, and otherwise from the type alone.
 *
 * <p>Thrown on the hot path for ordinary outcomes (429, 5xx), so it carries no stack trace.
 */
public class ProviderException extends RuntimeException {

    private final ErrorType type;
    private final int status;
    private final String param;
    private final String code;
    private final Duration retryAfter;
    private final Integer upstreamStatus;

    public ProviderException(ErrorType type, int status, String message, String param, String code,
            Duration retryAfter, Integer upstreamStatus) {
        this(type, status, message, param, code, retryAfter, upstreamStatus, null);
    }

    /**
     * As above, keeping the I/O or parse failure that caused it for server-side logs; the cause's own message is
     * never shown to clients, only this exception's.
     */
    public ProviderException(ErrorType type, int status, String message, String param, String code,
            Duration retryAfter, Integer upstreamStatus, Throwable cause) {
        super(message, cause, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.status = status;
        this.param = param;
        this.code = code;
        this.retryAfter = retryAfter;
        this.upstreamStatus = upstreamStatus;
    }

    /** A failure with the type's default status and no upstream detail. */
    public static ProviderException of(ErrorType type, String message) {
        return new ProviderException(type, type.defaultStatus(), message, null, null, null, null);
    }

    public ErrorType type() {
        return type;
    }

    /** The HTTP status to report to the client. */
    public int status() {
        return status;
    }

    /** The request parameter at fault, when known. */
    public String param() {
        return param;
    }

    /** The OpenAI {@code error.code}, when known. */
    public String code() {
        return code;
    }

    /** How long the upstream asked callers to wait, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The upstream's HTTP status, or {@code null} when the call failed before a response. */
    public Integer upstreamStatus() {
        return upstreamStatus;
    }

    public boolean retriable() {
        return type.retriable();
    }
}
