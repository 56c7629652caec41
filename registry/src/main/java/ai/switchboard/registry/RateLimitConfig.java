package ai.switchboard.registry;

import java.util.Objects;
import java.util.UUID;

/**
 * A rate limit as the request path sees it: per minute, on one key, team or model (by id). Either limit may be
 * absent, not both.
 *
 * @param requestsPerMinute requests per minute, or {@code null} for no request limit
 * @param tokensPerMinute prompt plus completion tokens per minute, or {@code null} for no token limit
 */
public record RateLimitConfig(UUID id, RateLimitTarget target, UUID targetId, Integer requestsPerMinute,
        Integer tokensPerMinute) {

    public RateLimitConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetId, "targetId");
        if (requestsPerMinute == null && tokensPerMinute == null) {
            throw new IllegalArgumentException("a rate limit limits requests, tokens or both");
        }
    }

    /** Whether this limit counts tokens, so the request's tokens must be estimated. */
    public boolean limitsTokens() {
        return tokensPerMinute != null;
    }
}
