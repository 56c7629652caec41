package ai.switchboard.observability.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the day partitions of {@code usage_ledger} ahead of time and drops the expired ones, on its own thread: at
 * start (without delaying it; a down database is retried at the next run) and then every maintenance interval. Both
 * steps are SQL functions from the migration, so every replica may run them: they are idempotent.
 */
public final class UsagePartitionMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsagePartitionMaintenance.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int partitionsAhead;
    private final int retentionDays;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    public UsagePartitionMaintenance(JdbcTemplate jdbc, Clock clock, UsageLedgerProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.partitionsAhead = properties.getPartitionsAhead();
        this.retentionDays = properties.getRetentionDays();
        this.interval = properties.getMaintenanceInterval();
    }

    /** Creates missing partitions from yesterday to {@code partitionsAhead} days ahead; returns how many it made. */
    public int ensurePartitions() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Integer made = jdbc.queryForObject("SELECT usage_ledger_ensure_partitions(?, ?)", Integer.class,
                today.minusDays(1), partitionsAhead + 1);
        return made == null ? 0 : made;
    }

    /** Drops partitions whose day is older than the retention; returns how many it dropped. */
    public int dropExpired() {
        LocalDate keepFrom = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(retentionDays);
        Integer dropped = jdbc.queryForObject("SELECT usage_ledger_drop_partitions(?)", Integer.class, keepFrom);
        return dropped == null ? 0 : dropped;
    }

    void runOnce() {
        try {
            int made = ensurePartitions();
            int dropped = dropExpired();
            if (made > 0 || dropped > 0) {
                log.info("Usage ledger partitions: {} created, {} expired and dropped", made, dropped);
            }
        } catch (RuntimeException e) {
            // The default partition takes rows meanwhile; the next run catches up.
            log.warn("Usage ledger partition maintenance failed; will retry in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "usage-partitions");
            thread.setDaemon(true);
            return thread;
        });
        scheduled.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = scheduled;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService scheduled = executor;
        executor = null;
        if (scheduled != null) {
            // A run in progress finishes (two short SQL calls) rather than meet a closing connection pool.
            scheduled.shutdown();
            try {
                if (!scheduled.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    scheduled.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduled.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
