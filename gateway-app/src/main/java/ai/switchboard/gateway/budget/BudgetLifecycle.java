package ai.switchboard.gateway.budget;

import ai.switchboard.observability.usage.BatchingUsageRecorder;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link BudgetAccounts#tick} on its own thread, and on shutdown hands back every unused lease and writes every
 * settlement. It stops after the server drain (the last requests have settled) and just before the usage ledger's
 * flush, while the database pool is still open.
 */
final class BudgetLifecycle implements SmartLifecycle {

    /** One above the usage ledger: stops right before it, after the drain's end. */
    static final int PHASE = BatchingUsageRecorder.PHASE + 1;

    private static final Logger log = LoggerFactory.getLogger(BudgetLifecycle.class);

    private final BudgetAccounts accounts;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> ticks;
    private volatile boolean running;

    BudgetLifecycle(BudgetAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "budget-flush");
            thread.setDaemon(true);
            return thread;
        });
        long every = accounts.flushInterval().toMillis();
        ticks = timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void tick() {
        try {
            accounts.tick();
        } catch (RuntimeException e) {
            log.warn("Budget pass failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        ticks.cancel(false);
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        accounts.returnAll();
        long unwritten = accounts.unwritten();
        if (unwritten > 0) {
            log.warn("Stopping with {} nano-USD of budget settlements unwritten (database unreachable)", unwritten);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
