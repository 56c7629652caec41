package ai.switchboard.gateway.cache;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This replica's semantic entries, by partition. The cosine similarity of unit vectors is their dot product. A small
 * partition is searched exactly, against every live entry; exact search is linear in a partition's size, so from
 * {@link #ANN_THRESHOLD} entries on a partition is searched through an approximate nearest neighbour graph (Lucene's
 * HNSW) whose candidates are then compared exactly (see {@code SemanticIndexBenchmark} for both at 100,000 entries).
 * Partitions keep most small, since a request is compared only with requests of the same team, target, tools and
 * system prompt. Bounded by {@code maxEntries}: when
 * full, a new entry replaces the oldest of its partition, or is not kept when its partition is empty.
 */
final class SemanticIndex {

    /** A stored answer with the unit vector of the request that produced it. */
    record Entry(float[] vector, CachedAnswer answer, long sharedId) {
    }

    /** The best live entry of a search, with its similarity. */
    record Match(Entry entry, double similarity) {
    }

    /** Below this many entries a partition is searched exactly; from it on, through a nearest neighbour graph. */
    static final int ANN_THRESHOLD = 2_000;
    /** How many nearest entries the graph proposes; the best of them is compared exactly. */
    static final int CANDIDATES = 16;
    /** How many new entries are compared exactly before the graph is refreshed to hold them. */
    static final int REFRESH_EVERY = 1_024;

    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int maxEntries;
    private final int annThreshold;

    SemanticIndex(int maxEntries) {
        this(maxEntries, ANN_THRESHOLD);
    }

    /** @param annThreshold the entries from which a partition is searched approximately; 0 for always */
    SemanticIndex(int maxEntries, int annThreshold) {
        this.maxEntries = maxEntries;
        this.annThreshold = Math.max(1, annThreshold);
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

    /** Whether {@code partition} is searched through its nearest neighbour graph now. */
    boolean approximate(String partition) {
        Partition entries = partitions.get(partition);
        return entries != null && entries.approximate();
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

    /**
     * One partition's entries in the order they came, the oldest first. While small they are all compared with the
     * query; from {@code annThreshold} entries on they are also held in a {@link VectorGraph}, which proposes the
     * {@link #CANDIDATES} nearest, and only those (and the entries added since the graph was last refreshed) are
     * compared exactly. Below half the threshold the graph is dropped again, so a partition does not flip back and
     * forth at the edge.
     */
    private final class Partition {

        private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>();
        private final LinkedHashMap<Long, Entry> unseen = new LinkedHashMap<>();
        private VectorGraph graph;
        private int dimensions;
        private long nextId;
        private volatile long watermark;

        synchronized Match search(float[] query, double threshold, long nowMillis) {
            if (graph != null && query.length == dimensions) {
                dropExpiredOldest(nowMillis);
            }
            // Dropping expired entries may have shrunk the partition below the graph's half threshold.
            if (graph == null || query.length != dimensions) {
                return scan(entries, query, threshold, nowMillis);
            }
            Match best = scan(unseen, query, threshold, nowMillis);
            double bestSimilarity = best == null ? threshold : best.similarity();
            Entry bestEntry = best == null ? null : best.entry();
            for (long id : graph.nearest(query, CANDIDATES, nowMillis)) {
                Entry entry = entries.get(id);
                if (entry == null || entry.answer().expiresAtMillis() <= nowMillis) {
                    continue;
                }
                double similarity = dot(entry.vector(), query);
                if (similarity >= bestSimilarity) {
                    bestEntry = entry;
                    bestSimilarity = similarity;
                }
            }
            return bestEntry == null ? null : new Match(bestEntry, bestSimilarity);
        }

        /** The most similar live entry of {@code candidates}, each compared; expired ones are dropped on the way. */
        private Match scan(Map<Long, Entry> candidates, float[] query, double threshold, long nowMillis) {
            Entry best = null;
            double bestSimilarity = threshold;
            List<Long> expired = null;
            for (Map.Entry<Long, Entry> each : candidates.entrySet()) {
                Entry entry = each.getValue();
                if (entry.answer().expiresAtMillis() <= nowMillis) {
                    (expired == null ? expired = new ArrayList<>() : expired).add(each.getKey());
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
            if (expired != null) {
                expired.forEach(this::remove);
            }
            return best == null ? null : new Match(best, bestSimilarity);
        }

        /**
         * With a graph, searches never visit every entry, so expired ones are dropped from the oldest on (entries of
         * one policy expire in the order they came); the graph's filter keeps any other expired one out of results.
         */
        private void dropExpiredOldest(long nowMillis) {
            Iterator<Map.Entry<Long, Entry>> oldest = entries.entrySet().iterator();
            for (int i = 0; i < 64 && oldest.hasNext(); i++) {
                Map.Entry<Long, Entry> each = oldest.next();
                if (each.getValue().answer().expiresAtMillis() > nowMillis) {
                    return;
                }
                oldest.remove();
                forget(each.getKey());
            }
        }

        synchronized void saw(long sharedId) {
            watermark = Math.max(watermark, sharedId);
        }

        synchronized int size() {
            return entries.size();
        }

        synchronized boolean approximate() {
            return graph != null;
        }

        synchronized void add(Entry entry) {
            watermark = Math.max(watermark, entry.sharedId());
            if (size.incrementAndGet() > maxEntries) {
                if (entries.isEmpty()) {
                    size.decrementAndGet();
                    return;
                }
                remove(entries.keySet().iterator().next());
            }
            long id = nextId++;
            entries.put(id, entry);
            if (graph != null) {
                if (entry.vector().length == dimensions) {
                    graph.add(id, entry.vector(), entry.answer().expiresAtMillis());
                    unseen.put(id, entry);
                    if (unseen.size() >= REFRESH_EVERY) {
                        graph.refresh();
                        unseen.clear();
                    }
                }
            } else if (entries.size() >= annThreshold) {
                buildGraph(entry.vector().length);
            }
        }

        private void buildGraph(int dimensions) {
            this.dimensions = dimensions;
            graph = new VectorGraph();
            entries.forEach((id, entry) -> {
                if (entry.vector().length == dimensions) {
                    graph.add(id, entry.vector(), entry.answer().expiresAtMillis());
                }
            });
            graph.refresh();
            unseen.clear();
        }

        private void remove(long id) {
            if (entries.remove(id) != null) {
                forget(id);
            }
        }

        /** What remains to do once entry {@code id} has left {@link #entries}. */
        private void forget(long id) {
            size.decrementAndGet();
            if (graph == null) {
                return;
            }
            graph.delete(id);
            unseen.remove(id);
            if (entries.size() < annThreshold / 2) {
                graph.close();
                graph = null;
                unseen.clear();
            }
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
