package ai.switchboard.gateway.api.responses.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes stored responses past their retention, on its own thread, in batches until none is left, every cleanup
 * interval. Batches skip rows another replica is deleting, so every replica may run it. Logs counts only.
 */
public final class StoredResponseCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoredResponseCleanup.class);

    private final JdbcStoredResponses jdbc;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private volatile ScheduledExecutorService executor;

    public StoredResponseCleanup(JdbcStoredResponses jdbc, Clock clock, StoredResponsesProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = properties.getCleanupInterval();
        this.batchSize = properties.getCleanupBatchSize();
    }

    /** Deletes every expired response, a batch at a time; returns how many. */
    public int deleteExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.deleteExpired(clock.instant(), batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    void runOnce() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Deleted {} stored responses past their retention", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Deleting expired stored responses failed; will retry in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stored-responses-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        scheduled.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = scheduled;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService scheduled = executor;
        executor = null;
        if (scheduled != null) {
            scheduled.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
