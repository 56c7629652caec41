package ai.switchboard.gateway.agent.run;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps stored runs honest, on its own thread. At start-up it marks {@code interrupted} every run whose replica has
 * not been heard of for {@code stale-after} (a crashed gateway's). Every heartbeat interval it says this replica's
 * runs are alive, stops those another replica was asked to cancel, marks stale runs again, and deletes runs older
 * than the retention. On graceful shutdown it marks this replica's runs {@code interrupted} and stops them, so no
 * run is left {@code running}. Every replica may run it: each statement touches only rows it may.
 */
public final class AgentRunSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentRunSweeper.class);

    private final JdbcAgentRuns jdbc;
    private final AgentRuns runs;
    private final Clock clock;
    private final AgentRunsProperties properties;
    private volatile ScheduledExecutorService executor;

    public AgentRunSweeper(JdbcAgentRuns jdbc, AgentRuns runs, Clock clock, AgentRunsProperties properties) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.clock = clock;
        this.properties = properties;
    }

    /** One pass; returns how many runs it marked interrupted. */
    public int sweep() {
        jdbc.heartbeat(runs.replica(), clock.instant());
        runs.cancelRequested();
        int interrupted = interruptStale();
        int deleted;
        do {
            deleted = jdbc.deleteOlderThan(clock.instant().minus(properties.getRetention()),
                    properties.getCleanupBatchSize());
        } while (deleted == properties.getCleanupBatchSize());
        return interrupted;
    }

    private int interruptStale() {
        // Another replica's name never matches: only runs not heard of for stale-after are taken here.
        int interrupted = jdbc.interrupt(clock.instant().minus(properties.getStaleAfter()), "", clock.instant());
        if (interrupted > 0) {
            log.info("Marked {} agent runs interrupted: their gateway stopped or crashed", interrupted);
        }
        return interrupted;
    }

    private void runOnce() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Agent run upkeep failed; will retry in {}: {}", properties.getHeartbeatInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        try {
            interruptStale();
        } catch (RuntimeException e) {
            log.warn("Could not mark stale agent runs at start-up; the next heartbeat retries: {}", e.toString());
        }
        ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agent-runs-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.getHeartbeatInterval().toMillis();
        scheduled.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
        executor = scheduled;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService scheduled = executor;
        executor = null;
        if (scheduled == null) {
            return;
        }
        scheduled.shutdownNow();
        try {
            // First the rows, then the runs: a run ending as it is stopped cannot overwrite 'interrupted'.
            int interrupted = jdbc.interrupt(clock.instant().minus(Duration.ofDays(36_500)), runs.replica(),
                    clock.instant());
            if (interrupted > 0) {
                log.info("Marked {} agent runs of this replica interrupted at shutdown", interrupted);
            }
        } catch (RuntimeException e) {
            log.warn("Could not mark this replica's agent runs interrupted; others will once they are stale: {}",
                    e.toString());
        }
        runs.stopAll();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
