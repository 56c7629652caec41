package ai.switchboard.routing.execution;

import java.time.Duration;

/**
 * The time limits of one request. A route may override any of them.
 *
 * @param request the whole request: for JSON answers until the answer is complete, for streams until the first
 *     chunk reaches the client; every attempt, retry wait and failover of the request fits in it, across nested
 *     routes too (see {@link TimeBudget}); a started stream is bounded by {@code streamIdle} instead, so a long
 *     healthy answer is never cut off
 * @param attempt one call to one deployment (JSON answers), or what is left of {@code request} when that is less
 * @param firstToken how long a streaming attempt may take to produce its first chunk before it is failed over, or
 *     what is left of {@code request} when that is less
 * @param streamIdle the longest silence between two chunks of a started stream; longer means stalled
 */
public record Timeouts(Duration request, Duration attempt, Duration firstToken, Duration streamIdle) {

    public Timeouts {
        for (Duration limit : new Duration[] {request, attempt, firstToken, streamIdle}) {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("every timeout must be positive");
            }
        }
    }

    public static Timeouts defaults() {
        return new Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    /** These limits with each non-null argument replacing its counterpart. */
    public Timeouts override(Duration request, Duration attempt, Duration firstToken) {
        return new Timeouts(request != null ? request : this.request, attempt != null ? attempt : this.attempt,
                firstToken != null ? firstToken : this.firstToken, streamIdle);
    }
}
