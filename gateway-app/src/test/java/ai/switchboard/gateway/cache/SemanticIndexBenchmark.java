package ai.switchboard.gateway.cache;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A one-off measurement of the semantic index at 100,000 entries in one partition (the worst case; not a test: run
 * it by hand): exact search against the nearest neighbour graph, each search's p50 and p99, the heap each takes, how
 * long adding the entries took, and the graph's recall@1 against exact search, for queries near an entry (as
 * paraphrases are) and for queries anywhere.
 *
 * <pre>
 * ./mvnw -q -pl gateway-app -am test-compile -DskipTests
 * ./mvnw -q -pl gateway-app dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx6g -cp gateway-app/target/test-classes:gateway-app/target/classes:$(cat gateway-app/cp.txt) \
 *     ai.switchboard.gateway.cache.SemanticIndexBenchmark [dimensions...]
 * </pre>
 */
public final class SemanticIndexBenchmark {

    private static final int ENTRIES = 100_000;
    private static final int QUERIES = 400;

    public static void main(String[] args) {
        int[] dimensions = args.length == 0 ? new int[] {384} : Arrays.stream(args).mapToInt(Integer::parseInt)
                .toArray();
        for (int each : dimensions) {
            SplittableRandom random = new SplittableRandom(42);
            float[][] vectors = new float[ENTRIES][];
            for (int i = 0; i < ENTRIES; i++) {
                vectors[i] = vector(random, each);
            }
            float[][] queries = new float[QUERIES][];
            for (int i = 0; i < QUERIES; i++) {
                queries[i] = i % 2 == 0 ? near(random, vectors[random.nextInt(ENTRIES)], 0.3) : vector(random, each);
            }
            SemanticIndex exact = build(vectors, Integer.MAX_VALUE, "exact", each);
            SemanticIndex.Match[] truth = measure(exact, queries, "exact", each);
            exact = null;
            SemanticIndex approximate = build(vectors, SemanticIndex.ANN_THRESHOLD, "ANN  ", each);
            SemanticIndex.Match[] found = measure(approximate, queries, "ANN  ", each);
            int nearSame = 0;
            int anySame = 0;
            for (int i = 0; i < QUERIES; i++) {
                if (found[i] != null && found[i].entry().sharedId() == truth[i].entry().sharedId()) {
                    if (i % 2 == 0) {
                        nearSame++;
                    } else {
                        anySame++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%d dims: ANN recall@1 vs exact %.3f for queries near an entry, %.3f for"
                    + " queries anywhere%n", each, nearSame / (QUERIES / 2.0), anySame / (QUERIES / 2.0));
        }
    }

    private static SemanticIndex build(float[][] vectors, int annThreshold, String name, int dimensions) {
        long before = usedHeap();
        long start = System.nanoTime();
        SemanticIndex index = new SemanticIndex(ENTRIES, annThreshold);
        CachedAnswer answer = new CachedAnswer(new byte[0], "m", 1, 1, null, Long.MAX_VALUE);
        for (int i = 0; i < vectors.length; i++) {
            index.add("p", new SemanticIndex.Entry(vectors[i], answer, i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heap = usedHeap() - before;
        System.out.printf(Locale.ROOT, "%s %d dims, %,d entries: added in %.1f s; heap %.0f MiB beyond the vectors"
                + " themselves (%.0f bytes an entry)%n", name, dimensions, vectors.length, seconds,
                heap / 1048576.0, (double) heap / vectors.length);
        return index;
    }

    private static SemanticIndex.Match[] measure(SemanticIndex index, float[][] queries, String name,
            int dimensions) {
        SemanticIndex.Match[] found = new SemanticIndex.Match[queries.length];
        long[] nanos = new long[queries.length];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < queries.length; i++) {
                long start = System.nanoTime();
                found[i] = index.search("p", queries[i], -1, 0);
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s %d dims: search p50 %.3f ms, p99 %.3f ms%n", name, dimensions,
                nanos[queries.length / 2] / 1e6, nanos[queries.length * 99 / 100] / 1e6);
        return found;
    }

    private static float[] vector(SplittableRandom random, int dimensions) {
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return SemanticIndex.unit(vector);
    }

    private static float[] near(SplittableRandom random, float[] unit, double noise) {
        float[] vector = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            vector[i] = unit[i] + (float) (random.nextGaussian() * noise / Math.sqrt(unit.length));
        }
        return SemanticIndex.unit(vector);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
