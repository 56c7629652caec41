package ai.switchboard.providers.api;

/**
 * The closed taxonomy of failures an upstream call can end in. Each type knows the HTTP status a client sees, the
 * OpenAI {@code error.type} it is reported as, and whether another attempt (a retry or a fallback) may succeed.
 * Its {@link #tag()} is the low-cardinality {@code error.type} metric tag.
 */
public enum ErrorType {
    INVALID_REQUEST(400, "invalid_request_error", false),
    CONTEXT_LENGTH_EXCEEDED(400, "invalid_request_error", false),
    CONTENT_FILTERED(400, "invalid_request_error", false),
    UNSUPPORTED(400, "invalid_request_error", false),
    AUTHENTICATION(401, "authentication_error", false),
    PERMISSION(403, "permission_error", false),
    NOT_FOUND(404, "invalid_request_error", false),
    REQUEST_TOO_LARGE(413, "invalid_request_error", false),
    QUOTA_EXCEEDED(429, "insufficient_quota", false),
    RATE_LIMITED(429, "rate_limit_error", true),
    UPSTREAM_CLIENT_ERROR(400, "invalid_request_error", false),
    UPSTREAM_SERVER_ERROR(502, "api_error", true),
    UPSTREAM_UNAVAILABLE(503, "api_error", true),
    TIMEOUT(504, "timeout_error", true),
    CONNECTION_FAILED(502, "api_error", true),
    MALFORMED_RESPONSE(502, "api_error", true),
    STREAM_INTERRUPTED(502, "api_error", true);

    private final int defaultStatus;
    private final String openAiType;
    private final boolean retriable;

    ErrorType(int defaultStatus, String openAiType, boolean retriable) {
        this.defaultStatus = defaultStatus;
        this.openAiType = openAiType;
        this.retriable = retriable;
    }

    /** The status a client sees unless the upstream's own 4xx status is passed through. */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** The OpenAI {@code error.type} string. */
    public String openAiType() {
        return openAiType;
    }

    /** Whether another attempt, on the same deployment or another, may succeed. */
    public boolean retriable() {
        return retriable;
    }

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
