package ai.switchboard.gateway.agent.run;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of stored agent runs ({@code POST /v1/agents/{name}/runs}). */
@Validated
@ConfigurationProperties(prefix = AgentRunsProperties.PREFIX)
public class AgentRunsProperties {

    public static final String PREFIX = "switchboard.agents.runs";

    /** How long a finished run and its steps are kept. */
    @NotNull
    private Duration retention = Duration.ofDays(7);

    /** How often a replica says its runs are alive, picks up cancels sent to other replicas, and cleans up. */
    @NotNull
    private Duration heartbeatInterval = Duration.ofSeconds(10);

    /** A running run not heard of for this long belongs to a dead replica and is marked {@code interrupted}. */
    @NotNull
    private Duration staleAfter = Duration.ofMinutes(1);

    /** How often {@code GET .../events} looks for new steps of a run another replica is running. */
    @NotNull
    private Duration pollInterval = Duration.ofSeconds(1);

    /** Runs deleted per statement, so a large backlog never holds long locks. */
    @Min(1)
    @Max(100_000)
    private int cleanupBatchSize = 1_000;

    /** Threads for the runs' database work (the event loop never blocks on it). */
    @Min(1)
    @Max(256)
    private int threads = 4;

    /** Database tasks that may wait for a thread before new ones are refused. */
    @Min(1)
    @Max(1_000_000)
    private int queueSize = 10_000;

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

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

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getCleanupBatchSize() {
        return cleanupBatchSize;
    }

    public void setCleanupBatchSize(int cleanupBatchSize) {
        this.cleanupBatchSize = cleanupBatchSize;
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
