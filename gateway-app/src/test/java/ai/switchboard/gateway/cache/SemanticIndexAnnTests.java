package ai.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A large partition searched through the nearest neighbour graph: the same nearest entry as the exact search, no
 * change below the threshold, and expiry and eviction as in exact search.
 */
class SemanticIndexAnnTests {

    private static final int DIMENSIONS = 64;
    private static final long NOW = 1_000;

    @Test
    void theGraphFindsTheSameNearestEntryAsTheExactSearchForAtLeast99PercentOfQueries() {
        SplittableRandom random = new SplittableRandom(7);
        List<SemanticIndex.Entry> entries = entries(random, 6_000, NOW + 1_000);
        SemanticIndex approximate = new SemanticIndex(100_000);
        SemanticIndex exact = new SemanticIndex(100_000, Integer.MAX_VALUE);
        entries.forEach(entry -> {
            approximate.add("p", entry);
            exact.add("p", entry);
        });
        assertThat(approximate.approximate("p")).isTrue();
        assertThat(exact.approximate("p")).isFalse();

        int queries = 1_000;
        int same = 0;
        for (int i = 0; i < queries; i++) {
            // Half are paraphrases (near an entry), as the cache sees them; half anywhere at all.
            float[] query = i % 2 == 0 ? near(random, entries.get(random.nextInt(entries.size())).vector(), 0.3)
                    : vector(random);
            SemanticIndex.Match expected = exact.search("p", query, -1, NOW);
            SemanticIndex.Match found = approximate.search("p", query, -1, NOW);
            if (found != null && found.entry() == expected.entry()) {
                same++;
            }
        }
        assertThat(same).as("recall@1 of %d queries", queries).isGreaterThanOrEqualTo(queries * 99 / 100);
    }

    @Test
    void belowTheThresholdAPartitionIsSearchedExactlyWithTheSameResults() {
        SplittableRandom random = new SplittableRandom(11);
        List<SemanticIndex.Entry> entries = entries(random, SemanticIndex.ANN_THRESHOLD - 1, NOW + 1_000);
        SemanticIndex index = new SemanticIndex(100_000);
        SemanticIndex exact = new SemanticIndex(100_000, Integer.MAX_VALUE);
        entries.forEach(entry -> {
            index.add("p", entry);
            exact.add("p", entry);
        });
        assertThat(index.approximate("p")).isFalse();
        for (int i = 0; i < 200; i++) {
            float[] query = vector(random);
            assertThat(index.search("p", query, -1, NOW).entry()).isSameAs(exact.search("p", query, -1, NOW).entry());
        }
        index.add("p", entries(random, 1, NOW + 1_000).getFirst());
        assertThat(index.approximate("p")).isTrue();
    }

    @Test
    void expiredAndEvictedEntriesAreNeverFoundAndAShrunkPartitionIsScannedAgain() {
        SplittableRandom random = new SplittableRandom(13);
        List<SemanticIndex.Entry> shortLived = entries(random, 2_100, NOW + 10);
        List<SemanticIndex.Entry> longLived = entries(random, 900, NOW + 10_000);
        SemanticIndex index = new SemanticIndex(2_900);
        shortLived.forEach(entry -> index.add("p", entry));
        longLived.forEach(entry -> index.add("p", entry));
        assertThat(index.approximate("p")).isTrue();
        // Full at 2,900: the 100 oldest gave way.
        assertThat(index.size()).isEqualTo(2_900);
        assertThat(index.search("p", shortLived.getFirst().vector(), 0.999, NOW)).isNull();
        assertThat(index.search("p", shortLived.getLast().vector(), 0.999, NOW).entry())
                .isSameAs(shortLived.getLast());
        // Entries added since the graph was last refreshed are found too.
        assertThat(index.search("p", longLived.getLast().vector(), 0.999, NOW).entry()).isSameAs(longLived.getLast());

        long later = NOW + 20;
        for (SemanticIndex.Entry expired : shortLived.subList(100, shortLived.size())) {
            SemanticIndex.Match match = index.search("p", expired.vector(), -1, later);
            assertThat(match.entry()).isNotSameAs(expired);
            assertThat(match.entry().answer().expiresAtMillis()).isGreaterThan(later);
        }
        for (SemanticIndex.Entry live : longLived.subList(0, 100)) {
            assertThat(index.search("p", live.vector(), 0.999, later).entry()).isSameAs(live);
        }
        // The expired entries were dropped: below half the threshold, the graph is gone and search is exact.
        assertThat(index.size()).isEqualTo(900);
        assertThat(index.approximate("p")).isFalse();
        assertThat(index.search("p", longLived.get(700).vector(), 0.999, later).entry()).isSameAs(longLived.get(700));
    }

    @Test
    void embeddingsWiderThanLucenesOwnLimitAreSearchedThroughTheGraph() {
        SplittableRandom random = new SplittableRandom(17);
        int wide = 1_536;
        List<SemanticIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < SemanticIndex.ANN_THRESHOLD + 10; i++) {
            float[] vector = new float[wide];
            for (int d = 0; d < wide; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            entries.add(new SemanticIndex.Entry(SemanticIndex.unit(vector),
                    new CachedAnswer(new byte[0], "m", 1, 1, null, NOW + 1_000), i));
        }
        SemanticIndex index = new SemanticIndex(100_000);
        entries.forEach(entry -> index.add("p", entry));
        assertThat(index.approximate("p")).isTrue();
        for (SemanticIndex.Entry entry : entries.subList(0, 50)) {
            assertThat(index.search("p", entry.vector(), 0.999, NOW).entry()).isSameAs(entry);
        }
    }

    private static List<SemanticIndex.Entry> entries(SplittableRandom random, int count, long expiresAt) {
        List<SemanticIndex.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new SemanticIndex.Entry(vector(random),
                    new CachedAnswer(new byte[0], "m", 1, 1, null, expiresAt), i));
        }
        return entries;
    }

    private static float[] vector(SplittableRandom random) {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return SemanticIndex.unit(vector);
    }

    private static float[] near(SplittableRandom random, float[] unit, double noise) {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = unit[i] + (float) (random.nextGaussian() * noise / Math.sqrt(DIMENSIONS));
        }
        return SemanticIndex.unit(vector);
    }
}
