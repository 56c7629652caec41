package ai.switchboard.routing.execution;

import java.util.Objects;

/**
 * Everything resilient execution is configured with; the application binds it from its properties.
 *
 * @param maxConcurrentCalls calls one deployment may have in flight when its provider sets no
 *     {@value ConcurrencyLimits#SETTING} of its own
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

    /**
     * The defaults. A replica streams thousands of answers at once in normal traffic, so the default concurrency limit
     * per deployment is a backstop above what one replica can serve, not a cap on it; protecting an upstream that
     * can run only so much at once is the provider's {@value ConcurrencyLimits#SETTING}.
     */
    public static ExecutionSettings defaults() {
        return new ExecutionSettings(BreakerSettings.defaults(), RetrySettings.defaults(), Timeouts.defaults(),
                10_000);
    }
}
