package ai.switchboard.registry.snapshot;

import ai.switchboard.registry.RegistrySnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the current {@link RegistrySnapshot}. {@link #current()} is a single volatile read, safe on the event loop;
 * every other method does I/O and belongs on a blocking thread. It also keeps what {@link RegistrySnapshotMetrics}
 * exports: how many refreshes failed, and when the snapshot was last known to match the database.
 */
@Component
public class RegistrySnapshotManager {

    private static final Logger log = LoggerFactory.getLogger(RegistrySnapshotManager.class);
    private static final long NEVER = -1;

    private final RegistrySnapshotLoader loader;
    private final AtomicReference<RegistrySnapshot> current = new AtomicReference<>(RegistrySnapshot.empty());
    // Rebuilds are serialised: a rebuild that started later always reads at least as new data, so it may swap in.
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final LongAdder refreshFailures = new LongAdder();
    private volatile long lastSuccessMillis = NEVER;
    private final List<Consumer<RegistrySnapshot>> swapListeners = new CopyOnWriteArrayList<>();

    public RegistrySnapshotManager(RegistrySnapshotLoader loader) {
        this.loader = loader;
    }

    /**
     * Calls {@code listener} with every newer snapshot once it is swapped in, on the (blocking) thread that swapped it
     * and while rebuilds wait: a listener hands slow work to its own thread. A listener that throws is logged.
     */
    public void onSwap(Consumer<RegistrySnapshot> listener) {
        swapListeners.add(listener);
    }

    /** The snapshot to serve from. Lock-free, never {@code null}, never blocks. */
    public RegistrySnapshot current() {
        return current.get();
    }

    /**
     * Rebuilds the snapshot from the database and swaps it in. On failure the last snapshot stays and the problem is
     * logged at WARN.
     *
     * @return whether the rebuild succeeded
     */
    public boolean refresh() {
        try {
            refreshOrThrow();
            return true;
        } catch (RuntimeException e) {
            log.warn("Registry snapshot refresh failed; still serving revision {}: {}", current().version(),
                    e.toString());
            return false;
        }
    }

    /** Rebuilds and swaps the snapshot, propagating any failure (used at start-up, where failing is right). */
    public RegistrySnapshot refreshOrThrow() {
        refreshLock.lock();
        try {
            RegistrySnapshot fresh = loader.load();
            RegistrySnapshot previous = current.get();
            lastSuccessMillis = System.currentTimeMillis();
            if (fresh.version() < previous.version()) {
                return previous; // cannot happen with serialised reads, but never move backwards
            }
            current.set(fresh);
            if (fresh.version() != previous.version()) {
                log.debug("Registry snapshot now at revision {}", fresh.version());
                swapped(fresh);
            }
            return fresh;
        } catch (RuntimeException e) {
            refreshFailures.increment();
            throw e;
        } finally {
            refreshLock.unlock();
        }
    }

    private void swapped(RegistrySnapshot fresh) {
        for (Consumer<RegistrySnapshot> listener : swapListeners) {
            try {
                listener.accept(fresh);
            } catch (RuntimeException e) {
                log.warn("A registry snapshot listener failed on revision {}: {}", fresh.version(), e.toString());
            }
        }
    }

    /**
     * Rebuilds only if the committed revision differs from the snapshot's: the cheap periodic check that catches any
     * missed notification. Failures are logged at WARN and the last snapshot stays.
     */
    public void refreshIfChanged() {
        long committed;
        try {
            committed = loader.currentRevision();
        } catch (RuntimeException e) {
            refreshFailures.increment();
            log.warn("Cannot read the registry revision; still serving revision {}: {}", current().version(),
                    e.toString());
            return;
        }
        if (committed != current().version()) {
            refresh();
        } else {
            lastSuccessMillis = System.currentTimeMillis();
        }
    }

    /** Refreshes and revision checks that failed since start-up (the database or the snapshot's build failed). */
    public long refreshFailures() {
        return refreshFailures.sum();
    }

    /**
     * When (epoch milliseconds) the snapshot was last known to match the database: a rebuild, or a revision check
     * that found nothing new. Negative before the first one.
     */
    public long lastSuccessMillis() {
        return lastSuccessMillis;
    }
}
