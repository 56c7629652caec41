package ai.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.observability.CacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/**
 * An answer stored in this replica's index: at once in a small partition, soon in a large one (added on the parallel
 * scheduler), where it is then found by a search that also runs off the caller's thread.
 */
class SemanticCacheStoreTests {

    @Test
    void aSmallPartitionHoldsTheAnswerAtOnceALargeOneSoonAndFindsItOffTheCallersThread() {
        SemanticIndex index = new SemanticIndex(10_000);
        SemanticCache cache = new SemanticCache(index, null, Schedulers.immediate(), Clock.systemUTC(),
                Duration.ofMillis(250), Duration.ofSeconds(5), new CacheMetrics(new SimpleMeterRegistry()));
        CachedAnswer answer = new CachedAnswer(new byte[0], "m", 1, 1, null, Long.MAX_VALUE);

        cache.store("small", SemanticIndex.unit(new float[] {1, 0, 0}), answer);
        assertThat(index.size("small")).isEqualTo(1);

        for (int i = 0; i < 300; i++) {
            index.add("large", new SemanticIndex.Entry(SemanticIndex.unit(new float[] {0, 1, i}), answer, 0));
        }
        AtomicReference<String> addedOn = new AtomicReference<>();
        SemanticIndex.Entry probe = new SemanticIndex.Entry(SemanticIndex.unit(new float[] {1, 0, 0}), answer, 0);
        cache.store("large", probe.vector(), answer);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> index.size("large") == 301);
        SemanticIndex.Match match = cache.find("large", probe.vector(), 0.999)
                .doOnNext(found -> addedOn.set(Thread.currentThread().getName())).block(Duration.ofSeconds(5));
        assertThat(match).isNotNull();
        assertThat(addedOn.get()).as("a large partition is searched off the caller's thread too")
                .isNotEqualTo(Thread.currentThread().getName());
    }
}
