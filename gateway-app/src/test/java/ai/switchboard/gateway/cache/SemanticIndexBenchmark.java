package ai.switchboard.gateway.cache;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A one-off measurement of the semantic index at 100,000 entries (not a test: run it by hand, numbers go in
 * docs/cache.md): the time of one exact search when every entry is in the request's partition (the worst case) and
 * when they are spread over 100 partitions, and the heap the entries take.
 *
 * <pre>
 * ./mvnw -q -pl gateway-app -am test-compile -DskipTests
 * java -Xmx4g -cp gateway-app/target/test-classes:gateway-app/target/classes:$(cat cp.txt) \
 *     ai.switchboard.gateway.cache.SemanticIndexBenchmark
 * </pre>
 */
public final class SemanticIndexBenchmark {

    private static final int ENTRIES = 100_000;

    public static void main(String[] args) {
        for (int dimensions : new int[] {384, 1536}) {
            run(dimensions, 1);
            run(dimensions, 100);
        }
    }

    private static void run(int dimensions, int partitions) {
        SplittableRandom random = new SplittableRandom(42);
        long before = usedHeap();
        SemanticIndex index = new SemanticIndex(ENTRIES);
        CachedAnswer answer = new CachedAnswer(new byte[0], "m", 1, 1, null, Long.MAX_VALUE);
        for (int i = 0; i < ENTRIES; i++) {
            index.add("p" + i % partitions, new SemanticIndex.Entry(vector(random, dimensions), answer, i));
        }
        long heap = usedHeap() - before;
        float[] query = vector(random, dimensions);
        long[] nanos = new long[300];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                index.search("p" + i % partitions, query, 0.95, 0);
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%d dims, %,d entries in %d partition(s): search p50 %.3f ms, p99 %.3f ms;"
                + " heap %.0f MiB (%.0f bytes an entry)%n", dimensions, ENTRIES, partitions, nanos[150] / 1e6,
                nanos[296] / 1e6, heap / 1048576.0, (double) heap / ENTRIES);
        if (index.size() != ENTRIES) {
            throw new IllegalStateException("index lost entries");
        }
    }

    private static float[] vector(SplittableRandom random, int dimensions) {
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
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
