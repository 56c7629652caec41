package ai.switchboard.gateway.ratelimit;

import ai.switchboard.gateway.api.error.ApiException;

/**
 * A request refused by a rate limit: 429 in OpenAI's shape ({@code type} {@code requests} or {@code tokens},
 * {@code code} {@code rate_limit_exceeded}) with a {@code Retry-After}. No stack trace, as for every refusal.
 */
public final class RateLimitedException extends ApiException {

    private final long retryAfterMillis;

    RateLimitedException(String dimension, String message, long retryAfterMillis) {
        super(429, dimension, message, null, "rate_limit_exceeded");
        this.retryAfterMillis = retryAfterMillis;
    }

    /** Whole seconds, rounded up, at least 1. */
    @Override
    public Long retryAfterSeconds() {
        return Math.max(1, (retryAfterMillis + 999) / 1000);
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
