package ai.switchboard.routing.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries of one deployment and the overall attempt budget of a request.
 *
 * @param maxRetries extra attempts on the same deployment after a retriable failure (0 disables retries)
 * @param initialBackoff the wait before the first retry; it doubles for each further retry
 * @param maxBackoff the longest computed wait
 * @param jitter the fraction (0-1) of each wait that is randomised, so synchronised clients spread out
 * @param maxRetryAfter the longest upstream {@code Retry-After} honoured; a longer one is not waited for
 * @param maxAttempts attempts per request across every deployment, retries included
 */
public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff, double jitter,
        Duration maxRetryAfter, int maxAttempts) {

    public RetrySettings {
        if (maxRetries < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxRetries must be >= 0 and maxAttempts >= 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1]");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** One retry after 250 ms, waits up to 5 s, Retry-After up to 10 s, at most 6 attempts. */
    public static RetrySettings defaults() {
        return new RetrySettings(1, Duration.ofMillis(250), Duration.ofSeconds(5), 0.5, Duration.ofSeconds(10), 6);
    }
}
