package ai.switchboard.routing.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * How each deployment's circuit breaker judges health: a count-based window of the last calls; when enough of them
 * failed, the circuit opens and the deployment is skipped until a half-open probe succeeds.
 *
 * @param failureRateThreshold percentage of failed calls (1-100) that opens the circuit
 * @param slidingWindowSize number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the failure rate is judged at all
 * @param waitInOpenState how long an open circuit rejects calls before letting probes through
 * @param permittedCallsInHalfOpenState probe calls allowed while half-open
 */
public record BreakerSettings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
        Duration waitInOpenState, int permittedCallsInHalfOpenState) {

    public BreakerSettings {
        if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("failureRateThreshold must be in (0, 100]");
        }
        if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
            throw new IllegalArgumentException("window sizes and probe counts must be at least 1");
        }
        Objects.requireNonNull(waitInOpenState, "waitInOpenState");
    }

    /** Opens at 50% failures over the last 20 calls (at least 10), probes once after 30 s. */
    public static BreakerSettings defaults() {
        return new BreakerSettings(50, 20, 10, Duration.ofSeconds(30), 1);
    }
}
