package ai.switchboard.routing.execution;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential backoff with jitter, stretched to an upstream's {@code Retry-After} when that asks for longer. */
final class Backoff {

    private final RetrySettings settings;
    private final DoubleSupplier random;

    Backoff(RetrySettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** The wait before retry number {@code retry} (0-based); {@code retryAfter} may be {@code null}. */
    Duration delay(int retry, Duration retryAfter) {
        long base = settings.initialBackoff().toMillis() << Math.min(retry, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        // Jitter only ever shortens the wait, so maxBackoff stays a true upper bound.
        long jittered = Math.round(capped * (1 - settings.jitter() * random.getAsDouble()));
        Duration computed = Duration.ofMillis(Math.max(0, jittered));
        return retryAfter != null && retryAfter.compareTo(computed) > 0 ? retryAfter : computed;
    }

    /** Whether an upstream's requested wait is short enough to be honoured. */
    boolean honours(Duration retryAfter) {
        return retryAfter == null || retryAfter.compareTo(settings.maxRetryAfter()) <= 0;
    }
}
