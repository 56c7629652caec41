package ai.switchboard.tools.mcp;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before reconnecting to a server that failed: exponential in the number of consecutive failures,
 * capped, and shortened by a random share so that many gateways (or servers) that failed together do not retry in
 * step. A server is retried for as long as it is registered: the cap bounds the rate, not the number of attempts.
 *
 * @param initial the wait after the first failure (before jitter)
 * @param max the longest wait
 * @param jitter the share of a wait (0 to 1) that is random: a wait {@code w} becomes one in
 *     {@code [w * (1 - jitter), w]}
 */
public record McpBackoff(Duration initial, Duration max, double jitter) {

    public static final McpBackoff DEFAULT = new McpBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.5);

    public McpBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("Backoff jitter must be between 0 and 1");
        }
    }

    /**
     * The wait after {@code failures} consecutive failures (1 for the first), with {@code random} in {@code [0, 1)}
     * choosing where it falls inside the jitter.
     */
    public Duration delay(int failures, double random) {
        double exponential = initial.toMillis() * Math.pow(2, Math.min(Math.max(failures, 1) - 1, 62));
        double capped = Math.min(max.toMillis(), exponential);
        return Duration.ofMillis(Math.max(1, Math.round(capped * (1 - jitter * random))));
    }
}
