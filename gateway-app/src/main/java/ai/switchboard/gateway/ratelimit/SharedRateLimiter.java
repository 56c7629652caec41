package ai.switchboard.gateway.ratelimit;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits that hold across replicas, without a database round trip per request: the lease scheme.
 *
 * <p>Limits are counted in fixed windows (a minute) shared by every replica through {@link LeaseStore}. A replica
 * leases a slice of a window's allowance in one conditional upsert (never more than the limit between all
 * replicas), spends it in memory with a compare-and-set, and tops it up in the background when it runs low, so
 * requests wait for the database only when a window opens or a replica runs dry. Slices are
 * {@code leaseFraction} of the limit (at least 1), so what idle replicas hold unused is a few percent of the limit
 * at most; they give it back on shutdown. Bucket4j was the alternative: its JDBC back-ends lock a row per request
 * (or, batched, let each replica overspend by what it has not yet synchronised) and its Redis back-end would make
 * Redis a requirement, while the embedded default must run with PostgreSQL alone.
 *
 * <p>When the database cannot be reached, a replica keeps enforcing with what it holds, then refuses (fail closed:
 * the limit is never exceeded); it asks again after {@code storeRetry}. Keys without limits are never affected.
 */
public final class SharedRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimiter.class);
    private static final long MINUTE_MILLIS = 60_000;

    private final LeaseStore store;
    private final Executor leaseExecutor;
    private final Clock clock;
    private final long windowMillis;
    private final double leaseFraction;
    private final long retryMillis;
    private final ConcurrentMap<CounterKey, LimitCounter> counters = new ConcurrentHashMap<>();
    private final LongAdder leases = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private volatile long lastFailureLog;

    public SharedRateLimiter(LeaseStore store, Executor leaseExecutor, Clock clock, RateLimitProperties properties) {
        this.store = store;
        this.leaseExecutor = leaseExecutor;
        this.clock = clock;
        this.windowMillis = properties.window().toMillis();
        this.leaseFraction = properties.leaseFraction();
        this.retryMillis = properties.storeRetry().toMillis();
    }

    /** A per-minute limit as allowed in one window (the same number unless the window was shortened). */
    public long perWindow(long perMinute) {
        return windowMillis == MINUTE_MILLIS ? perMinute : Math.max(1, perMinute * windowMillis / MINUTE_MILLIS);
    }

    /** The window's length in milliseconds. */
    public long windowMillis() {
        return windowMillis;
    }

    /**
     * Takes {@code amount} of the {@code limit} (per window) of one limit's requests or tokens, if this replica holds
     * it. Never blocks: when a lease is needed it is started (or joined) and the caller waits for it and asks again.
     *
     * @param limitId the limit's id (its counters are named after it)
     */
    Take take(Object limitId, boolean tokens, long limit, long amount) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        long reset = start + windowMillis - now;
        LimitCounter counter = counters.computeIfAbsent(new CounterKey(limitId, tokens),
                key -> new LimitCounter(key.limitId() + (key.tokens() ? ":tokens" : ":requests")));
        counter.lastUsed = now;
        LimitWindow window = counter.window(start);
        if (amount > limit) {
            return Take.refused(Take.Status.TOO_LARGE, counter, window, amount, limit, reset);
        }
        while (true) {
            long available = window.available.get();
            if (available >= amount) {
                if (window.available.compareAndSet(available, available - amount)) {
                    topUpIfLow(counter, window, limit, available - amount, now);
                    return Take.taken(counter, window, amount, limit, reset);
                }
                continue;
            }
            if (window.exhausted) {
                return Take.refused(Take.Status.REFUSED, counter, window, amount, limit, reset);
            }
            if (now < window.retryAt) {
                return Take.refused(Take.Status.STORE_UNAVAILABLE, counter, window, amount, limit,
                        window.retryAt - now);
            }
            return Take.waitFor(lease(counter, window, limit, Math.max(slice(limit), amount - available)), counter,
                    window, amount, limit, reset);
        }
    }

    /**
     * Puts {@code amount} back into (or, negative, takes it from) what this replica holds of the take's window: the
     * correction once a request's real token usage is known, or the release of a take whose request was refused.
     * Nothing happens once the window is over.
     */
    void adjust(Take take, long amount) {
        if (amount != 0 && take.counter.current() == take.window) {
            take.window.available.addAndGet(amount);
        }
    }

    /** Gives back what this replica holds of the current windows, for other replicas to use. Blocking. */
    public void giveBackUnused() {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        for (LimitCounter counter : counters.values()) {
            LimitWindow window = counter.current();
            if (window.start != start) {
                continue;
            }
            long unused = window.available.getAndSet(0);
            if (unused > 0) {
                try {
                    store.giveBack(counter.id, start, unused);
                } catch (RuntimeException e) {
                    log.warn("Could not give back {} of rate-limit counter {}: {}", unused, counter.id, e.toString());
                }
            }
        }
    }

    /** Forgets the counters of windows long over, here and in the store. Blocking. */
    public void cleanUp() {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        counters.values().removeIf(counter -> counter.lastUsed < start - windowMillis);
        try {
            store.forgetBefore(start - 2 * windowMillis);
        } catch (RuntimeException e) {
            log.debug("Could not delete old rate-limit windows: {}", e.toString());
        }
    }

    /** Leases asked of the store since start-up. */
    public long leases() {
        return leases.sum();
    }

    /** Leases that failed (store unreachable or too slow) since start-up. */
    public long storeFailures() {
        return storeFailures.sum();
    }

    private long slice(long limit) {
        return Math.max(1, (long) (limit * leaseFraction));
    }

    private void topUpIfLow(LimitCounter counter, LimitWindow window, long limit, long left, long now) {
        long slice = slice(limit);
        if (left < Math.max(1, slice / 2) && !window.exhausted && window.lease.get() == null
                && now >= window.retryAt) {
            lease(counter, window, limit, slice);
        }
    }

    /** Starts a lease for the window, or joins the one in flight; completes (never exceptionally) when it ends. */
    private CompletableFuture<Void> lease(LimitCounter counter, LimitWindow window, long limit, long want) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = window.lease.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        try {
            leaseExecutor.execute(() -> runLease(counter, window, limit, want, mine));
        } catch (RejectedExecutionException e) {
            failed(counter, window, e);
            window.lease.set(null);
            mine.complete(null);
        }
        return mine;
    }

    private void runLease(LimitCounter counter, LimitWindow window, long limit, long want,
            CompletableFuture<Void> done) {
        try {
            leases.increment();
            LeaseStore.Grant grant = store.lease(counter.id, window.start, want, limit);
            window.sharedGranted = grant.total();
            if (grant.granted() < want) {
                window.exhausted = true;
            }
            window.available.addAndGet(grant.granted());
        } catch (RuntimeException e) {
            failed(counter, window, e);
        } finally {
            window.lease.set(null);
            done.complete(null);
        }
    }

    private record CounterKey(Object limitId, boolean tokens) {
    }

    private void failed(LimitCounter counter, LimitWindow window, Exception e) {
        storeFailures.increment();
        long now = clock.millis();
        window.retryAt = now + retryMillis;
        if (now - lastFailureLog > 10_000) {
            lastFailureLog = now;
            log.warn("Cannot lease rate-limit allowance for {} (spending only what this replica holds until "
                    + "it can): {}", counter.id, e.toString());
        }
    }
}
