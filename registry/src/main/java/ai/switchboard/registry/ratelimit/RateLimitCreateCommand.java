package ai.switchboard.registry.ratelimit;

/**
 * A new rate limit. {@code targetType} is {@code key}, {@code team} or {@code model}; {@code target} names it (or
 * gives its id; a key by the name of its live key).
 */
public record RateLimitCreateCommand(String targetType, String target, Integer requestsPerMinute,
        Integer tokensPerMinute) {
}
