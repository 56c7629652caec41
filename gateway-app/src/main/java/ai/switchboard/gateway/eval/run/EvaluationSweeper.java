package ai.switchboard.gateway.eval.run;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps evaluations going across restarts, on its own thread, as {@code AgentRunSweeper} keeps agent runs honest;
 * but where an agent run is marked {@code interrupted} (its conversation cannot be picked up), an evaluation is
 * resumed, since every finished case is stored. Every heartbeat interval it says this replica's runs are alive and
 * takes over the runs no replica has spoken for in {@code stale-after}. At a graceful shutdown it stops this replica's
 * runs and dates their heartbeat back, so the next gateway (or another replica) takes them over at once.
 */
public final class EvaluationSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EvaluationSweeper.class);

    private final JdbcEvaluations jdbc;
    private final Evaluations evaluations;
    private final Clock clock;
    private final EvaluationsProperties properties;
    private volatile ScheduledExecutorService executor;

    public EvaluationSweeper(JdbcEvaluations jdbc, Evaluations evaluations, Clock clock,
            EvaluationsProperties properties) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.clock = clock;
        this.properties = properties;
    }

    /** One pass; the runs it took over and resumed. */
    public List<String> sweep() {
        jdbc.heartbeat(evaluations.replica(), clock.instant());
        List<String> claimed = jdbc.claimStale(clock.instant().minus(properties.getStaleAfter()),
                evaluations.replica(), clock.instant());
        if (!claimed.isEmpty()) {
            log.info("Resuming {} evaluations whose gateway stopped or crashed: {}", claimed.size(), claimed);
        }
        claimed.forEach(evaluations::launch);
        return claimed;
    }

    private void runOnce() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Evaluation upkeep failed; will retry in {}: {}", properties.getHeartbeatInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "evaluations-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.getHeartbeatInterval().toMillis();
        // The first pass at once: runs a restart left behind resume without waiting a heartbeat.
        scheduled.scheduleWithFixedDelay(this::runOnce, 0, every, TimeUnit.MILLISECONDS);
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
        evaluations.stopAll();
        try {
            int released = jdbc.release(evaluations.replica());
            if (released > 0) {
                log.info("Left {} evaluations of this replica for the next gateway to resume", released);
            }
        } catch (RuntimeException e) {
            log.warn("Could not release this replica's evaluations; others take them once stale: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
