package ai.switchboard.gateway.eval.run;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of evaluations ({@code POST /admin/v1/evaluations}). */
@Validated
@ConfigurationProperties(prefix = EvaluationsProperties.PREFIX)
public class EvaluationsProperties {

    public static final String PREFIX = "switchboard.evaluations";

    /** How often a replica says its evaluations are alive and looks for runs a dead replica left. */
    @NotNull
    private Duration heartbeatInterval = Duration.ofSeconds(10);

    /** A running evaluation not heard of for this long is taken over and resumed. */
    @NotNull
    private Duration staleAfter = Duration.ofMinutes(1);

    /** Threads for the evaluations' database work and grading (the event loop never blocks on either). */
    @Min(1)
    @Max(256)
    private int threads = 4;

    /** Database tasks that may wait for a thread before new ones are refused. */
    @Min(1)
    @Max(1_000_000)
    private int queueSize = 10_000;

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getStaleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public int getQueueSize() {
        return queueSize;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }
}
