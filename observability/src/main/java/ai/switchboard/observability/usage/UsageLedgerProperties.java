package ai.switchboard.observability.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the usage ledger: the batch writer and the day partitions of {@code usage_ledger}. */
@Validated
@ConfigurationProperties(prefix = UsageLedgerProperties.PREFIX)
public class UsageLedgerProperties {

    public static final String PREFIX = "switchboard.usage";

    /** Whether requests are written to the ledger at all; when off, records are discarded (and not counted). */
    private boolean enabled = true;

    /** Records that may wait for the database; beyond this, new records are dropped and counted. */
    @Min(1)
    @Max(10_000_000)
    private int queueCapacity = 100_000;

    /** Records per database write. */
    @Min(1)
    @Max(50_000)
    private int batchSize = 500;

    /**
     * Longest time a record waits in a partial batch before it is written: with one write, the most a crash can lose
     * (a full batch is written at once, so under load the lag is shorter still).
     */
    @NotNull
    private Duration flushInterval = Duration.ofMillis(200);

    /** Longest wait between retries of a failed batch while the database is slow or down. */
    @NotNull
    private Duration maxRetryBackoff = Duration.ofSeconds(30);

    /** How long graceful shutdown waits for the queue to be written before the rest is dropped and counted. */
    @NotNull
    private Duration shutdownTimeout = Duration.ofSeconds(20);

    /** Days of ledger kept; whole day partitions older than this are dropped. */
    @Min(1)
    @Max(3660)
    private int retentionDays = 90;

    /** Day partitions created ahead of today (UTC), so a late maintenance run never sends rows to the default. */
    @Min(1)
    @Max(60)
    private int partitionsAhead = 7;

    /** How often partitions are created ahead and expired ones dropped. */
    @NotNull
    private Duration maintenanceInterval = Duration.ofHours(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    public Duration getMaxRetryBackoff() {
        return maxRetryBackoff;
    }

    public void setMaxRetryBackoff(Duration maxRetryBackoff) {
        this.maxRetryBackoff = maxRetryBackoff;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public int getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(int retentionDays) {
        this.retentionDays = retentionDays;
    }

    public int getPartitionsAhead() {
        return partitionsAhead;
    }

    public void setPartitionsAhead(int partitionsAhead) {
        this.partitionsAhead = partitionsAhead;
    }

    public Duration getMaintenanceInterval() {
        return maintenanceInterval;
    }

    public void setMaintenanceInterval(Duration maintenanceInterval) {
        this.maintenanceInterval = maintenanceInterval;
    }
}
