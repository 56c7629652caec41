package ai.switchboard.providers.api;

/**
 * The closed taxonomy of failures an upstream call (or an attempt at one) can end in. Each type knows the HTTP status a
 * client sees, the OpenAI {@code error.type} and default {@code error.code} it is reported as, whether another attempt
 * (a retry or a fallback) may succeed, what the request does next ({@link Recovery}) and whether it counts against the
 * deployment's health: the one place these are decided; routing, breakers and the error renderer all ask here.
 * Its {@link #tag()} is the low-cardinality {@code error.type} metric tag.
 */
public enum ErrorType {
    INVALID_REQUEST(400, "invalid_request_error", false, Recovery.END),
    CONTEXT_LENGTH_EXCEEDED(400, "invalid_request_error", false, Recovery.LARGER_CONTEXT_WINDOW),
    CONTENT_FILTERED(400, "invalid_request_error", false, Recovery.END),
    UNSUPPORTED(400, "invalid_request_error", false, Recovery.END),
    AUTHENTICATION(401, "authentication_error", false, Recovery.NEXT_CANDIDATE),
    PERMISSION(403, "permission_error", false, Recovery.NEXT_CANDIDATE),
    NOT_FOUND(404, "invalid_request_error", false, Recovery.NEXT_CANDIDATE),
    REQUEST_TOO_LARGE(413, "invalid_request_error", false, Recovery.END),
    QUOTA_EXCEEDED(429, "insufficient_quota", false, Recovery.NEXT_CANDIDATE),
    RATE_LIMITED(429, "rate_limit_error", true, Recovery.NEXT_CANDIDATE_THEN_RETRY),
    /**
     * The gateway turned a call away because the deployment already had as many calls in flight as its concurrency
     * limit allows (or the provider's connection pool was full). 429 rather than 503: OpenAI SDKs raise it as
     * {@code RateLimitError}, which applications already back off on and retry, honouring {@code Retry-After}, while
     * a 503 reads as an outage to them and to load balancers. Says nothing about the upstream's health.
     */
    CONCURRENCY_LIMITED(429, "rate_limit_error", true, Recovery.NEXT_CANDIDATE),
    UPSTREAM_CLIENT_ERROR(400, "invalid_request_error", false, Recovery.END),
    UPSTREAM_SERVER_ERROR(502, "api_error", true, Recovery.RETRY_THEN_NEXT_CANDIDATE),
    UPSTREAM_UNAVAILABLE(503, "api_error", true, Recovery.RETRY_THEN_NEXT_CANDIDATE),
    /** No answer (or no first chunk) in time: waiting as long again on the same deployment is the worst bet. */
    TIMEOUT(504, "timeout_error", true, Recovery.NEXT_CANDIDATE_THEN_RETRY),
    CONNECTION_FAILED(502, "api_error", true, Recovery.RETRY_THEN_NEXT_CANDIDATE),
    MALFORMED_RESPONSE(502, "api_error", true, Recovery.RETRY_THEN_NEXT_CANDIDATE),
    STREAM_INTERRUPTED(502, "api_error", true, Recovery.RETRY_THEN_NEXT_CANDIDATE);

    private final int defaultStatus;
    private final String openAiType;
    private final boolean retriable;
    private final Recovery recovery;

    ErrorType(int defaultStatus, String openAiType, boolean retriable, Recovery recovery) {
        this.defaultStatus = defaultStatus;
        this.openAiType = openAiType;
        this.retriable = retriable;
        this.recovery = recovery;
    }

    /** The status a client sees unless the upstream's own 4xx status is passed through. */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** The OpenAI {@code error.type} string. */
    public String openAiType() {
        return openAiType;
    }

    /** The OpenAI {@code error.code} a client sees when the failure carries none of its own, or {@code null}. */
    public String openAiCode() {
        return switch (this) {
            case CONTEXT_LENGTH_EXCEEDED -> "context_length_exceeded";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case QUOTA_EXCEEDED -> "insufficient_quota";
            case CONCURRENCY_LIMITED -> "deployment_concurrency_limit";
            case CONTENT_FILTERED -> "content_filter";
            case UNSUPPORTED -> "unsupported_parameter";
            case TIMEOUT -> "upstream_timeout";
            case UPSTREAM_UNAVAILABLE -> "upstream_unavailable";
            case UPSTREAM_SERVER_ERROR, CONNECTION_FAILED, MALFORMED_RESPONSE, STREAM_INTERRUPTED -> "upstream_error";
            default -> null;
        };
    }

    /** Whether another attempt, on the same deployment or another, may succeed. */
    public boolean retriable() {
        return retriable;
    }

    /** What the request does next after an attempt failed with this type, before anything reached the client. */
    public Recovery recovery() {
        return recovery;
    }

    /** Whether this failure ends the request: no other deployment or route would answer it differently. */
    public boolean endsRequest() {
        return recovery == Recovery.END;
    }

    /**
     * Whether this failure says the deployment is unhealthy, so that it counts towards opening its circuit: upstream
     * faults and rejected credentials do; a client's bad request and the gateway's own concurrency limit do not.
     */
    public boolean countsAgainstHealth() {
        if (this == CONCURRENCY_LIMITED) {
            return false;
        }
        return retriable || this == AUTHENTICATION || this == PERMISSION;
    }

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
