package ai.switchboard.registry.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the registry: secrets, change propagation and the blocking-work scheduler. */
@Validated
@ConfigurationProperties(prefix = RegistryProperties.PREFIX)
public class RegistryProperties {

    public static final String PREFIX = "switchboard.registry";

    /**
     * Base64 of 32 random bytes that encrypts provider credentials (env {@code SWITCHBOARD_MASTER_KEY}). When unset, a
     * key file is generated under {@code switchboard.data-dir}; production must set it, identically on every replica.
     */
    private String masterKey;

    /**
     * A plaintext admin key to install at start-up (env {@code SWITCHBOARD_ADMIN_KEY}), kept as the key named
     * {@code bootstrap-admin}. When unset and no active admin key exists, one is generated and logged once.
     */
    private String bootstrapAdminKey;

    /** How often the registry revision is compared with the snapshot, as a backstop for missed notifications. */
    @NotNull
    private Duration refreshInterval = Duration.ofSeconds(30);

    /** Longest wait between attempts to re-open the LISTEN connection after the database went away. */
    @NotNull
    private Duration listenerMaxBackoff = Duration.ofSeconds(10);

    /**
     * How often the keys used since the last write get their {@code last_used_at} written (one batched statement);
     * also how accurate {@code last_used_at} is.
     */
    @NotNull
    private Duration lastUsedInterval = Duration.ofMinutes(1);

    /** Threads of the {@code registryScheduler} that runs blocking registry work off the event loop. */
    @Min(1)
    @Max(256)
    private int schedulerThreads = 16;

    /** Tasks that may wait for a {@code registryScheduler} thread before new ones are rejected. */
    @Min(1)
    private int schedulerQueueSize = 1000;

    public String getMasterKey() {
        return masterKey;
    }

    public void setMasterKey(String masterKey) {
        this.masterKey = masterKey;
    }

    public String getBootstrapAdminKey() {
        return bootstrapAdminKey;
    }

    public void setBootstrapAdminKey(String bootstrapAdminKey) {
        this.bootstrapAdminKey = bootstrapAdminKey;
    }

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public Duration getListenerMaxBackoff() {
        return listenerMaxBackoff;
    }

    public void setListenerMaxBackoff(Duration listenerMaxBackoff) {
        this.listenerMaxBackoff = listenerMaxBackoff;
    }

    public Duration getLastUsedInterval() {
        return lastUsedInterval;
    }

    public void setLastUsedInterval(Duration lastUsedInterval) {
        this.lastUsedInterval = lastUsedInterval;
    }

    public int getSchedulerThreads() {
        return schedulerThreads;
    }

    public void setSchedulerThreads(int schedulerThreads) {
        this.schedulerThreads = schedulerThreads;
    }

    public int getSchedulerQueueSize() {
        return schedulerQueueSize;
    }

    public void setSchedulerQueueSize(int schedulerQueueSize) {
        this.schedulerQueueSize = schedulerQueueSize;
    }

    @Override
    public String toString() {
        // Both secrets stay out of any log line that prints the properties.
        return "RegistryProperties[masterKeySet=" + (masterKey != null) + ", bootstrapAdminKeySet="
                + (bootstrapAdminKey != null) + ", refreshInterval=" + refreshInterval + "]";
    }
}
