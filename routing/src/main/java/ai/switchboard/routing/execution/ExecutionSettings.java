package ai.switchboard.routing.execution;

import java.util.Objects;

/**
 * Everything resilient execution is configured with; the application binds it from its properties.
 *
 * @param maxConcurrentCalls bulkhead size: concurrent calls one deployment may have in flight
 */
public record ExecutionSettings(BreakerSettings breaker, RetrySettings retry, Timeouts timeouts,
        int maxConcurrentCalls) {

    public ExecutionSettings {
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeouts, "timeouts");
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1");
        }
    }

    public static ExecutionSettings defaults() {
        return new ExecutionSettings(BreakerSettings.defaults(), RetrySettings.defaults(), Timeouts.defaults(), 256);
    }
}
