package ai.switchboard.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One counter's state in one window on this replica: what it leased and has not spent, and what it knows of the
 * window as a whole. Requests spend {@link #available} with a compare-and-set; at most one lease is in flight.
 */
final class LimitWindow {

    final long start;
    /** Leased and not yet spent; negative after a request used more than it was estimated to. */
    final AtomicLong available = new AtomicLong();
    final AtomicReference<CompletableFuture<Void>> lease = new AtomicReference<>();
    /** Granted by the store to every replica in this window, as of this replica's last lease. */
    volatile long sharedGranted;
    /** The store has nothing more to grant in this window. */
    volatile boolean exhausted;
    /** After a failed lease: not before this time (epoch ms) is the store asked again. */
    volatile long retryAt;

    LimitWindow(long start) {
        this.start = start;
    }

    /** What is left of {@code limit} in this window, counting other replicas' unspent leases as used. */
    long remaining(long limit) {
        return Math.max(0, Math.min(limit, limit - sharedGranted + Math.max(0, available.get())));
    }
}
