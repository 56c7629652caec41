package ai.switchboard.observability;

import java.time.Duration;

/**
 * Histogram bucket boundaries, taken from the advice of the GenAI semantic conventions (1.41.1) and widened where LLM
 * gateways see longer tails (multi-minute generations, fallbacks after timeouts).
 */
public final class GenAiBuckets {

    /** Whole requests and upstream attempts: from cache-fast answers to five-minute generations. */
    public static final Duration[] OPERATION_DURATION = seconds(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92, 163.84, 300);

    /** Time to the first token or chunk. */
    public static final Duration[] TIME_TO_FIRST_TOKEN = seconds(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1,
            0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 30.0);

    /** Time per output token after the first. */
    public static final Duration[] TIME_PER_OUTPUT_TOKEN = seconds(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3,
            0.4, 0.5, 0.75, 1.0, 2.5);

    /** Tokens per attempt, by powers of four. */
    public static final double[] TOKENS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
        16777216, 67108864};

    private GenAiBuckets() {
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }
}
