package ai.switchboard.gateway.config;

import ai.switchboard.routing.execution.BreakerSettings;
import ai.switchboard.routing.execution.ExecutionSettings;
import ai.switchboard.routing.execution.RetrySettings;
import ai.switchboard.routing.execution.Timeouts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Resilient execution of model calls: circuit breakers, bulkheads, retries and timeouts, per deployment.
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens a deployment's circuit
 * @param slidingWindowSize number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before a circuit may open
 * @param waitInOpenState how long an open circuit skips its deployment before a half-open probe
 * @param permittedCallsInHalfOpenState probe calls let through while half-open
 * @param maxConcurrentCalls calls one deployment may have in flight (bulkhead) unless its provider's
 *     {@code max_concurrent_calls} setting says otherwise; more are failed over at once, or answered 429 with
 *     {@code Retry-After} when no other candidate is left
 * @param maxRetries retries of a retriable failure on the same deployment
 * @param initialBackoff wait before the first retry; doubles per retry
 * @param maxBackoff longest computed wait between retries
 * @param jitter fraction (0-1) of each wait that is randomised
 * @param maxRetryAfter longest upstream Retry-After honoured; longer ones are not waited for
 * @param maxAttempts attempts per request across all deployments
 * @param requestTimeout whole request (streams: until the first chunk), every attempt, retry wait and failover
 *     included; routes may override it
 * @param attemptTimeout one call to one deployment, never longer than what is left of the request timeout; routes
 *     may override it
 * @param firstTokenTimeout how long a stream may take to send its first chunk before the next candidate is tried,
 *     never longer than what is left of the request timeout; routes may override it
 * @param streamIdleTimeout longest silence between two chunks of a started stream
 */
@Validated
@ConfigurationProperties(prefix = RoutingProperties.PREFIX)
public record RoutingProperties(Float failureRateThreshold, Integer slidingWindowSize, Integer minimumNumberOfCalls,
        Duration waitInOpenState, Integer permittedCallsInHalfOpenState, Integer maxConcurrentCalls,
        Integer maxRetries, Duration initialBackoff, Duration maxBackoff, Double jitter, Duration maxRetryAfter,
        Integer maxAttempts, Duration requestTimeout, Duration attemptTimeout, Duration firstTokenTimeout,
        Duration streamIdleTimeout) {

    public static final String PREFIX = "switchboard.routing";

    /** The settings, with the defaults of {@link ExecutionSettings#defaults()} where nothing is configured. */
    public ExecutionSettings toSettings() {
        ExecutionSettings d = ExecutionSettings.defaults();
        BreakerSettings breaker = new BreakerSettings(or(failureRateThreshold, d.breaker().failureRateThreshold()),
                or(slidingWindowSize, d.breaker().slidingWindowSize()),
                or(minimumNumberOfCalls, d.breaker().minimumNumberOfCalls()),
                or(waitInOpenState, d.breaker().waitInOpenState()),
                or(permittedCallsInHalfOpenState, d.breaker().permittedCallsInHalfOpenState()));
        RetrySettings retry = new RetrySettings(or(maxRetries, d.retry().maxRetries()),
                or(initialBackoff, d.retry().initialBackoff()), or(maxBackoff, d.retry().maxBackoff()),
                or(jitter, d.retry().jitter()), or(maxRetryAfter, d.retry().maxRetryAfter()),
                or(maxAttempts, d.retry().maxAttempts()));
        Timeouts timeouts = new Timeouts(or(requestTimeout, d.timeouts().request()),
                or(attemptTimeout, d.timeouts().attempt()), or(firstTokenTimeout, d.timeouts().firstToken()),
                or(streamIdleTimeout, d.timeouts().streamIdle()));
        return new ExecutionSettings(breaker, retry, timeouts, or(maxConcurrentCalls, d.maxConcurrentCalls()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
