package ai.switchboard.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests the gateway refused because of a rate limit, by the kind of limit ({@code key}, {@code team},
 * {@code model}) and its dimension ({@code requests}, {@code tokens}); never by key or team. All six series exist
 * from start-up, at zero, so an alert on their rate needs no absent-series special case.
 */
public final class RateLimitMetrics {

    /** The counter; {@code switchboard_rate_limit_refused_total} in Prometheus. */
    public static final String REFUSED = "switchboard.rate_limit.refused";
    /** Leases of allowance asked of the shared store; {@code switchboard_rate_limit_leases_total}. */
    public static final String LEASES = "switchboard.rate_limit.leases";
    /** Leases that failed; a replica then spends only what it holds. */
    public static final String LEASE_FAILURES = "switchboard.rate_limit.lease.failures";
    /** What the limit is set on: {@code key}, {@code team} or {@code model}. */
    public static final String LIMIT = "limit";
    /** {@code requests} or {@code tokens}. */
    public static final String DIMENSION = "dimension";

    private static final String[] KINDS = {"key", "team", "model"};
    private static final String[] DIMENSIONS = {"requests", "tokens"};

    private final Counter[] counters = new Counter[KINDS.length * DIMENSIONS.length];

    public RateLimitMetrics(MeterRegistry registry) {
        for (int k = 0; k < KINDS.length; k++) {
            for (int d = 0; d < DIMENSIONS.length; d++) {
                counters[k * DIMENSIONS.length + d] = Counter.builder(REFUSED)
                        .description("Requests refused by a rate limit")
                        .tag(LIMIT, KINDS[k])
                        .tag(DIMENSION, DIMENSIONS[d])
                        .register(registry);
            }
        }
    }

    /**
     * One request refused.
     *
     * @param kind 0 key, 1 team, 2 model (the order of {@code RateLimitTarget})
     * @param tokens whether the token limit refused it (else the request limit)
     */
    public void refused(int kind, boolean tokens) {
        counters[kind * DIMENSIONS.length + (tokens ? 1 : 0)].increment();
    }
}
