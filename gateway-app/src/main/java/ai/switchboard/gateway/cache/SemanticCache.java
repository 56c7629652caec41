package ai.switchboard.gateway.cache;

import ai.switchboard.observability.CacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The semantic tiers: this replica's index, searched in memory, and the shared table, from which a replica loads the
 * entries of a partition it has not seen yet when its own search finds nothing. Like the exact cache's shared tier,
 * the table is read off the event loop with a timeout, and a failing one is left alone for {@code sharedRetry}: the
 * replica then matches only what it holds.
 */
final class SemanticCache {

    private static final Logger log = LoggerFactory.getLogger(SemanticCache.class);

    /** Rows of one partition read per look-up: a replica catching up on a large partition does it over a few. */
    private static final int LOAD_LIMIT = 1000;

    /** Partitions up to this size are searched on the calling thread: well under 0.1 ms at 1,536 dimensions. */
    private static final int INLINE_SEARCH_MAX = 256;

    private final SemanticIndex index;
    private final SemanticStore shared;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration sharedTimeout;
    private final long sharedRetryNanos;
    private final CacheMetrics metrics;
    private volatile long sharedDownUntil;
    private volatile boolean sharedDown;

    /** @param shared the shared tier, or {@code null} for this replica's only */
    SemanticCache(SemanticIndex index, SemanticStore shared, Scheduler scheduler, Clock clock, Duration sharedTimeout,
            Duration sharedRetry, CacheMetrics metrics) {
        this.index = index;
        this.shared = shared;
        this.scheduler = scheduler;
        this.clock = clock;
        this.sharedTimeout = sharedTimeout;
        this.sharedRetryNanos = sharedRetry.toNanos();
        this.metrics = metrics;
    }

    /**
     * The most similar live answer at {@code threshold} or above: this replica's, else one another replica stored. A
     * search of a large partition is CPU work of a millisecond or more, so it runs on Reactor's parallel (CPU)
     * scheduler instead of the event loop.
     */
    Mono<SemanticIndex.Match> find(String partition, float[] unitVector, double threshold) {
        if (index.size(partition) > INLINE_SEARCH_MAX) {
            return Mono.defer(() -> findHere(partition, unitVector, threshold)).subscribeOn(Schedulers.parallel());
        }
        return findHere(partition, unitVector, threshold);
    }

    private Mono<SemanticIndex.Match> findHere(String partition, float[] unitVector, double threshold) {
        SemanticIndex.Match local = index.search(partition, unitVector, threshold, clock.millis());
        if (local != null) {
            return Mono.just(local);
        }
        if (!sharedAvailable()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> shared.after(partition, index.sharedWatermark(partition), clock.millis(),
                        LOAD_LIMIT))
                .subscribeOn(scheduler)
                .timeout(sharedTimeout)
                .flatMap(rows -> {
                    rows.forEach(row -> index.add(partition, row));
                    return rows.isEmpty() ? Mono.<SemanticIndex.Match>empty()
                            : Mono.justOrEmpty(index.search(partition, unitVector, threshold, clock.millis()));
                })
                .onErrorResume(failure -> {
                    failed("read", failure);
                    return Mono.empty();
                });
    }

    /**
     * Keeps an answer under its request's vector: in this replica's index now, and in the shared table in the
     * background; the row's id then moves the partition's watermark, so the replica does not load its own row back.
     */
    void store(String partition, float[] unitVector, CachedAnswer answer) {
        SemanticIndex.Entry entry = new SemanticIndex.Entry(unitVector, answer, 0);
        if (index.size(partition) > INLINE_SEARCH_MAX) {
            // A large partition's graph may be refreshed or built by this add (milliseconds of CPU), and its lock
            // is held by searches on the parallel scheduler: neither belongs on the event loop.
            Schedulers.parallel().schedule(() -> index.add(partition, entry));
        } else {
            index.add(partition, entry);
        }
        if (!sharedAvailable()) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    index.sawShared(partition, shared.put(partition, unitVector, answer, clock.millis()));
                } catch (RuntimeException failure) {
                    failed("write", failure);
                }
            });
        } catch (RuntimeException queueFull) {
            failed("write", queueFull);
        }
    }

    /** Deletes the shared table's expired rows; on the cache's scheduler. */
    void cleanUp() {
        if (!sharedAvailable()) {
            return;
        }
        try {
            log.debug("Deleted {} expired semantic-cache entries", shared.deleteExpired(clock.millis()));
        } catch (RuntimeException failure) {
            failed("clean-up", failure);
        }
    }

    private boolean sharedAvailable() {
        return shared != null && (!sharedDown || System.nanoTime() - sharedDownUntil >= 0);
    }

    private void failed(String what, Throwable failure) {
        metrics.sharedFailure();
        if (!sharedDown || System.nanoTime() - sharedDownUntil >= 0) {
            log.warn("Shared semantic cache {} failed ({}); matching this replica's entries only for {} ms", what,
                    failure.toString(), TimeUnit.NANOSECONDS.toMillis(sharedRetryNanos));
        }
        sharedDownUntil = System.nanoTime() + sharedRetryNanos;
        sharedDown = true;
    }

    /** For tests and the benchmark: how many entries this replica holds. */
    int size() {
        return index.size();
    }
}
