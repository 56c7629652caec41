package ai.switchboard.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How rate limits are shared between replicas.
 *
 * @param window the fixed window limits are counted in: a minute, as limits are per minute; tests shorten it, and a
 *     limit then allows its per-minute value scaled to the window
 * @param leaseFraction the share of a window's limit a replica leases at a time (at least 1): smaller means more
 *     database round trips, larger more allowance an idle replica may hold unused until the window ends
 * @param leaseTimeout how long a request waits for a lease before it is refused; also the lease statement's timeout
 * @param storeRetry after a failed lease, how long a counter spends only what it holds before asking again
 * @param leaseThreads the threads that talk to the database for leases (never the event loop)
 */
@Validated
@ConfigurationProperties(prefix = RateLimitProperties.PREFIX)
public record RateLimitProperties(Duration window, Double leaseFraction, Duration leaseTimeout, Duration storeRetry,
        Integer leaseThreads) {

    public static final String PREFIX = "switchboard.rate-limits";

    public RateLimitProperties {
        window = window == null ? Duration.ofMinutes(1) : window;
        leaseFraction = leaseFraction == null ? 0.01 : leaseFraction;
        leaseTimeout = leaseTimeout == null ? Duration.ofSeconds(2) : leaseTimeout;
        storeRetry = storeRetry == null ? Duration.ofSeconds(1) : storeRetry;
        leaseThreads = leaseThreads == null ? 2 : leaseThreads;
        if (window.toMillis() < 100 || window.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(PREFIX + ".window must be from 100ms to 1h");
        }
        if (!(leaseFraction > 0 && leaseFraction <= 1)) {
            throw new IllegalArgumentException(PREFIX + ".lease-fraction must be above 0 and at most 1");
        }
        if (leaseTimeout.toMillis() < 1 || storeRetry.toMillis() < 1) {
            throw new IllegalArgumentException(PREFIX + ".lease-timeout and .store-retry must be positive");
        }
        if (leaseThreads < 1 || leaseThreads > 64) {
            throw new IllegalArgumentException(PREFIX + ".lease-threads must be from 1 to 64");
        }
    }

    /** The defaults. */
    public static RateLimitProperties defaults() {
        return new RateLimitProperties(null, null, null, null, null);
    }
}
