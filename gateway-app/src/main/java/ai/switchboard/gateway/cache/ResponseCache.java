package ai.switchboard.gateway.cache;

import ai.switchboard.observability.CacheMetrics;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The two tiers of stored answers: this replica's, in memory (Caffeine, bounded by bytes, each entry expiring at its
 * own time), read synchronously; and the shared one, read only when the first misses, on a bounded scheduler with a
 * timeout. A failing shared tier is left alone for {@code sharedRetry}: the replica goes on serving from its own tier
 * and calling models for the rest, never failing a request because of the cache.
 */
public final class ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

    private final Cache<String, CachedAnswer> local;
    private final SharedCacheStore shared;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration sharedTimeout;
    private final long sharedRetryNanos;
    private final CacheMetrics metrics;
    private volatile long sharedDownUntil;
    private volatile boolean sharedDown;

    /** @param shared the shared tier, or {@code null} for this replica's only */
    ResponseCache(long localMaxBytes, SharedCacheStore shared, Scheduler scheduler, Clock clock,
            Duration sharedTimeout, Duration sharedRetry, CacheMetrics metrics) {
        this.local = Caffeine.newBuilder()
                .maximumWeight(localMaxBytes)
                .weigher((String key, CachedAnswer answer) -> answer.body().length + key.length())
                .expireAfter(new UntilExpiry(clock))
                .build();
        this.shared = shared;
        this.scheduler = scheduler;
        this.clock = clock;
        this.sharedTimeout = sharedTimeout;
        this.sharedRetryNanos = sharedRetry.toNanos();
        this.metrics = metrics;
    }

    /** The answer this replica holds under {@code key}, or {@code null}; never waits. */
    CachedAnswer local(String key) {
        CachedAnswer answer = local.getIfPresent(key);
        return answer == null || answer.expiresAtMillis() <= clock.millis() ? null : answer;
    }

    /** Whether a look-up in the shared tier is worth a wait: it is configured and not known to be failing. */
    boolean sharedAvailable() {
        return shared != null && (!sharedDown || System.nanoTime() - sharedDownUntil >= 0);
    }

    /**
     * The answer the shared tier holds under {@code key}, kept in this replica's tier too; empty on a miss, and also
     * when the shared tier fails, is too slow or is too busy (a full queue).
     */
    Mono<CachedAnswer> shared(String key) {
        return Mono.fromCallable(() -> shared.find(key, clock.millis()))
                .subscribeOn(scheduler)
                .timeout(sharedTimeout)
                .doOnNext(answer -> local.put(key, answer))
                .onErrorResume(failure -> {
                    failed("read", failure);
                    return Mono.empty();
                });
    }

    /**
     * The answers the shared tier holds under any of {@code keys} (one connection for all), kept in this replica's
     * tier too; empty when there are none, or when the shared tier fails, is too slow or too busy.
     */
    Mono<Map<String, CachedAnswer>> shared(List<String> keys) {
        return Mono.fromCallable(() -> shared.findAll(keys, clock.millis()))
                .subscribeOn(scheduler)
                .timeout(sharedTimeout)
                .doOnNext(local::putAll)
                .onErrorResume(failure -> {
                    failed("read", failure);
                    return Mono.empty();
                });
    }

    /** When an answer stored now with {@code ttl} stops being served (epoch milliseconds). */
    long expiresAt(Duration ttl) {
        return clock.millis() + ttl.toMillis();
    }

    /** Stores {@code answer} in this replica's tier now and in the shared one in the background. */
    void store(String key, CachedAnswer answer) {
        local.put(key, answer);
        if (!sharedAvailable()) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    shared.put(key, answer, clock.millis());
                } catch (RuntimeException failure) {
                    failed("write", failure);
                }
            });
        } catch (RuntimeException queueFull) {
            failed("write", queueFull);
        }
    }

    /** Stores {@code entries} in this replica's tier now and in the shared one in the background, in one go. */
    void store(List<EmbeddingBatch.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, CachedAnswer> answers = new LinkedHashMap<>();
        entries.forEach(entry -> answers.put(entry.key(), entry.answer()));
        local.putAll(answers);
        if (!sharedAvailable()) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    shared.putAll(answers, clock.millis());
                } catch (RuntimeException failure) {
                    failed("write", failure);
                }
            });
        } catch (RuntimeException queueFull) {
            failed("write", queueFull);
        }
    }

    /** Deletes the shared tier's expired rows; on the cache's scheduler. */
    void cleanUp() {
        if (!sharedAvailable()) {
            return;
        }
        try {
            int deleted = shared.deleteExpired(clock.millis());
            log.debug("Deleted {} expired response-cache entries", deleted);
        } catch (RuntimeException failure) {
            failed("clean-up", failure);
        }
    }

    private void failed(String what, Throwable failure) {
        metrics.sharedFailure();
        if (!sharedDown || System.nanoTime() - sharedDownUntil >= 0) {
            log.warn("Shared response cache {} failed ({}); serving from this replica's cache only for {} ms", what,
                    failure.toString(), TimeUnit.NANOSECONDS.toMillis(sharedRetryNanos));
        }
        sharedDownUntil = System.nanoTime() + sharedRetryNanos;
        sharedDown = true;
    }

    /** Each entry lives until the time it carries, however it got here (stored now, or read from the shared tier). */
    private record UntilExpiry(Clock clock) implements Expiry<String, CachedAnswer> {

        @Override
        public long expireAfterCreate(String key, CachedAnswer answer, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, answer.expiresAtMillis() - clock.millis()));
        }

        @Override
        public long expireAfterUpdate(String key, CachedAnswer answer, long currentTime, long currentDuration) {
            return expireAfterCreate(key, answer, currentTime);
        }

        @Override
        public long expireAfterRead(String key, CachedAnswer answer, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
