package ai.switchboard.gateway.cache;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This replica's semantic entries, by partition, searched exactly: the cosine similarity of unit vectors is their dot
 * product, computed against every live entry of the request's partition. Exact search is linear in a partition's
 * size (see docs/cache.md for its cost at 100,000 entries); partitions keep it small in practice, since a request is
 * compared only with requests of the same team, target, tools and system prompt. Bounded by {@code maxEntries}: when
 * full, a new entry replaces the oldest of its partition, or is not kept when its partition is empty.
 */
final class SemanticIndex {

    /** A stored answer with the unit vector of the request that produced it. */
    record Entry(float[] vector, CachedAnswer answer, long sharedId) {
    }

    /** The best live entry of a search, with its similarity. */
    record Match(Entry entry, double similarity) {
    }

    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int maxEntries;

    SemanticIndex(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The most similar live entry of {@code partition} at {@code threshold} or above, or {@code null}. */
    Match search(String partition, float[] unitVector, double threshold, long nowMillis) {
        Partition entries = partitions.get(partition);
        return entries == null ? null : entries.search(unitVector, threshold, nowMillis);
    }

    void add(String partition, Entry entry) {
        partitions.computeIfAbsent(partition, ignored -> new Partition()).add(entry);
    }

    /**
     * Records that this replica wrote row {@code sharedId} of {@code partition} (it holds the entry already). Rows
     * another replica wrote with lower ids meanwhile are then not loaded: a missed hit, never a wrong one.
     */
    void sawShared(String partition, long sharedId) {
        Partition entries = partitions.get(partition);
        if (entries != null) {
            entries.saw(sharedId);
        }
    }

    /** How many entries {@code partition} holds, live or not yet found expired. */
    int size(String partition) {
        Partition entries = partitions.get(partition);
        return entries == null ? 0 : entries.size();
    }

    /** The highest shared-tier id this replica holds for {@code partition}: rows after it are new to it. */
    long sharedWatermark(String partition) {
        Partition entries = partitions.get(partition);
        return entries == null ? 0 : entries.watermark;
    }

    int size() {
        return size.get();
    }

    /** Scales {@code vector} to unit length, so that a dot product is a cosine; {@code null} for a zero vector. */
    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += (double) value * value;
        }
        if (norm == 0 || Double.isNaN(norm) || Double.isInfinite(norm)) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    private final class Partition {

        private final List<Entry> entries = new ArrayList<>();
        private volatile long watermark;

        synchronized Match search(float[] query, double threshold, long nowMillis) {
            Entry best = null;
            double bestSimilarity = threshold;
            for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry.answer().expiresAtMillis() <= nowMillis) {
                    it.remove();
                    size.decrementAndGet();
                    continue;
                }
                if (entry.vector().length != query.length) {
                    continue;
                }
                double similarity = dot(entry.vector(), query);
                if (similarity >= bestSimilarity) {
                    best = entry;
                    bestSimilarity = similarity;
                }
            }
            return best == null ? null : new Match(best, bestSimilarity);
        }

        synchronized void saw(long sharedId) {
            watermark = Math.max(watermark, sharedId);
        }

        synchronized int size() {
            return entries.size();
        }

        synchronized void add(Entry entry) {
            watermark = Math.max(watermark, entry.sharedId());
            if (size.incrementAndGet() > maxEntries) {
                if (entries.isEmpty()) {
                    size.decrementAndGet();
                    return;
                }
                entries.removeFirst();
                size.decrementAndGet();
            }
            entries.add(entry);
        }

        /** Four independent sums, so the CPU can overlap the multiply-adds (the JIT keeps float order otherwise). */
        private static double dot(float[] a, float[] b) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int i = 0;
            for (int end = a.length - 3; i < end; i += 4) {
                s0 += a[i] * b[i];
                s1 += a[i + 1] * b[i + 1];
                s2 += a[i + 2] * b[i + 2];
                s3 += a[i + 3] * b[i + 3];
            }
            for (; i < a.length; i++) {
                s0 += a[i] * b[i];
            }
            return (double) s0 + s1 + s2 + s3;
        }
    }
}
