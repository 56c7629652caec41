package ai.switchboard.registry.snapshot;

import ai.switchboard.registry.key.BootstrapAdminKey;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the registry up before the web server accepts requests (a lower phase starts earlier and stops later):
 * installs the bootstrap admin key, loads the first snapshot (failing start-up if the database is unreachable), then
 * starts the change listener and the periodic backstop check. On shutdown it stops both after the web server has
 * drained and the usage ledger has been flushed, and waits for a refresh in progress, so that no registry work still
 * uses the database when the connection pool closes.
 */
public class RegistryLifecycle implements SmartLifecycle {

    /** Well before the web server's phase, so no request is served from an empty snapshot. */
    public static final int PHASE = 0;

    /** The longest a snapshot refresh in progress may take to finish when the gateway stops. */
    private static final Duration REFRESH_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final BootstrapAdminKey bootstrapAdminKey;
    private final RegistrySnapshotManager snapshots;
    private final RegistryChangeListener listener;
    private final Duration refreshInterval;
    private volatile ScheduledExecutorService backstop;

    public RegistryLifecycle(BootstrapAdminKey bootstrapAdminKey, RegistrySnapshotManager snapshots,
            RegistryChangeListener listener, Duration refreshInterval) {
        this.bootstrapAdminKey = bootstrapAdminKey;
        this.snapshots = snapshots;
        this.listener = listener;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public synchronized void start() {
        if (backstop != null) {
            return;
        }
        bootstrapAdminKey.ensure();
        snapshots.refreshOrThrow();
        listener.start();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "registry-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = refreshInterval.toMillis();
        executor.scheduleWithFixedDelay(snapshots::refreshIfChanged, millis, millis, TimeUnit.MILLISECONDS);
        backstop = executor;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService executor = backstop;
        backstop = null;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(REFRESH_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return backstop != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
