package ai.switchboard.routing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.routing.execution.BreakerSettings;
import ai.switchboard.routing.execution.DeploymentGuards;
import ai.switchboard.routing.execution.FailoverExecutor;
import ai.switchboard.routing.execution.LatencyTracker;
import ai.switchboard.routing.execution.RetrySettings;
import ai.switchboard.routing.execution.RoutingFailedException;
import ai.switchboard.routing.execution.Timeouts;
import java.time.Duration;
import java.util.List;

/** Executors over a {@link ScriptedAdapter} with small, exact settings, for routing unit tests on virtual time. */
public final class TestExecutors {

    /** Request 60 s, attempt 10 s, first token 5 s, stream idle 3 s. */
    public static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofSeconds(3));

    /** Two retries waiting exactly 100 ms, then 200 ms (no jitter); Retry-After up to 5 s; 6 attempts. */
    public static final RetrySettings RETRIES = new RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(1), 0,
            Duration.ofSeconds(5), 6);

    private TestExecutors() {
    }

    /** Circuits open at 50% of the last 4 calls; 8 calls in flight per deployment. */
    public static DeploymentGuards guards() {
        return new DeploymentGuards(new BreakerSettings(50, 4, 4, Duration.ofSeconds(10), 1), 8);
    }

    /** An executor with {@link #RETRIES}, no jitter, on Reactor's default timer. */
    public static FailoverExecutor executor(ScriptedAdapter adapter, DeploymentGuards guards) {
        return new FailoverExecutor(new ProviderAdapters(List.of(adapter)), guards, new LatencyTracker(0.5), RETRIES,
                () -> 0.0);
    }

    /** Checks that {@code error} is the request running out of its {@code limit}. */
    public static void assertRequestTimedOut(Throwable error, Duration limit) {
        RoutingFailedException failed = (RoutingFailedException) error;
        assertThat(failed.decisive().type()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(failed.decisive().getMessage()).contains(limit.toMillis() + " ms");
    }
}
