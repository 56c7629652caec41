package ai.switchboard.routing.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * The time one request may take, fixed when it starts: its {@link Timeouts} and the instant its request timeout runs
 * out, on the executor's clock. Everything the request does shares it (each failover run over a route's targets,
 * nested routes, the sub-calls of cascade and ensemble policies), so retries, backoff and failover all fit in the one
 * request timeout, and no attempt is given longer than what is left of it.
 */
public final class TimeBudget {

    private final Timeouts timeouts;
    private final long deadlineNanos;

    TimeBudget(Timeouts timeouts, long startNanos) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        // Wraps like System.nanoTime itself: only differences are compared.
        this.deadlineNanos = startNanos + timeouts.request().toNanos();
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** What is left of the request timeout at {@code nowNanos}; zero once it has run out. */
    Duration remaining(long nowNanos) {
        long left = deadlineNanos - nowNanos;
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whether an attempt limited to {@code limit} from {@code nowNanos} would end before the request does. */
    boolean endsFirst(Duration limit, long nowNanos) {
        return limit.compareTo(remaining(nowNanos)) < 0;
    }
}
