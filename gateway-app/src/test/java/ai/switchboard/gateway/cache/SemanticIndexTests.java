package ai.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory semantic index: cosine at a threshold, partitions, expiry and its bound. */
class SemanticIndexTests {

    private static final long NOW = 1_000;

    @Test
    void findsTheMostSimilarLiveEntryAtOrAboveTheThresholdInItsPartitionOnly() {
        SemanticIndex index = new SemanticIndex(10);
        index.add("p", entry("near", 1, 0.2f, 0, NOW + 10));
        index.add("p", entry("nearest", 1, 0.1f, 0, NOW + 10));
        index.add("p", entry("expired", 1, 0, 0, NOW));
        index.add("q", entry("other partition", 1, 0, 0, NOW + 10));

        SemanticIndex.Match match = index.search("p", SemanticIndex.unit(new float[] {1, 0, 0}), 0.95, NOW);
        assertThat(new String(match.entry().answer().body())).isEqualTo("nearest");
        assertThat(match.similarity()).isBetween(0.99, 1.0);
        assertThat(index.search("p", SemanticIndex.unit(new float[] {0, 0, 1}), 0.95, NOW)).isNull();
        assertThat(index.search("p", SemanticIndex.unit(new float[] {1, 0, 0}), 0.999, NOW)).isNull();
        assertThat(index.search("none", SemanticIndex.unit(new float[] {1, 0, 0}), 0.5, NOW)).isNull();
        // The expired entry was dropped as the search met it.
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void aVectorOfAnotherLengthNeverMatchesAndAZeroVectorHasNoDirection() {
        SemanticIndex index = new SemanticIndex(10);
        index.add("p", entry("three", 1, 0, 0, NOW + 10));
        assertThat(index.search("p", SemanticIndex.unit(new float[] {1, 0}), 0.5, NOW)).isNull();
        assertThat(SemanticIndex.unit(new float[] {0, 0, 0})).isNull();
        assertThat(SemanticIndex.unit(new float[] {Float.NaN, 1, 0})).isNull();
    }

    @Test
    void whenFullANewEntryReplacesTheOldestOfItsPartition() {
        SemanticIndex index = new SemanticIndex(2);
        index.add("p", entry("first", 1, 0, 0, NOW + 10));
        index.add("p", entry("second", 0, 1, 0, NOW + 10));
        index.add("p", entry("third", 0, 0, 1, NOW + 10));
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.search("p", SemanticIndex.unit(new float[] {1, 0, 0}), 0.9, NOW)).isNull();
        assertThat(index.search("p", SemanticIndex.unit(new float[] {0, 0, 1}), 0.9, NOW)).isNotNull();
        // A partition with nothing to give up does not grow the index past its bound.
        index.add("q", entry("fourth", 1, 0, 0, NOW + 10));
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.search("q", SemanticIndex.unit(new float[] {1, 0, 0}), 0.9, NOW)).isNull();
    }

    private static SemanticIndex.Entry entry(String body, float x, float y, float z, long expiresAt) {
        return new SemanticIndex.Entry(SemanticIndex.unit(new float[] {x, y, z}),
                new CachedAnswer(body.getBytes(), "m", 1, 1, null, expiresAt), 0);
    }
}
