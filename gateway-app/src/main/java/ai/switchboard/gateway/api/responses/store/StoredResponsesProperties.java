package ai.switchboard.gateway.api.responses.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of stored responses ({@code store: true} on {@code /v1/responses}). */
@Validated
@ConfigurationProperties(prefix = StoredResponsesProperties.PREFIX)
public class StoredResponsesProperties {

    public static final String PREFIX = "switchboard.responses.store";

    /** How long a stored response can be read and continued; OpenAI keeps them 30 days. */
    @NotNull
    private Duration retention = Duration.ofDays(30);

    /** How often expired responses are deleted. */
    @NotNull
    private Duration cleanupInterval = Duration.ofMinutes(10);

    /** Responses deleted per statement, so a large backlog never holds long locks. */
    @Min(1)
    @Max(100_000)
    private int cleanupBatchSize = 1_000;

    /** Longest chain of previous responses a continuation rebuilds. */
    @Min(1)
    @Max(100_000)
    private int maxChainLength = 1_000;

    /** Threads for database work of stored responses (the request path never blocks on it). */
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

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }

    public int getCleanupBatchSize() {
        return cleanupBatchSize;
    }

    public void setCleanupBatchSize(int cleanupBatchSize) {
        this.cleanupBatchSize = cleanupBatchSize;
    }

    public int getMaxChainLength() {
        return maxChainLength;
    }

    public void setMaxChainLength(int maxChainLength) {
        this.maxChainLength = maxChainLength;
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
