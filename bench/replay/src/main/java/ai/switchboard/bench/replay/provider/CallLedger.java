package ai.switchboard.bench.replay.provider;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the replay provider served, per model: calls, billed tokens and prompts it had no recording for. The harness
 * reads it before and after each route's run, so the difference is that route's upstream spend priced per model
 * (including the calls the gateway made on its own: judges, rejected cascade steps).
 */
public final class CallLedger {

    /** Totals of one model. */
    public record ModelCalls(long calls, long promptTokens, long completionTokens, long misses) {

        public ModelCalls minus(ModelCalls earlier) {
            return earlier == null ? this : new ModelCalls(calls - earlier.calls, promptTokens - earlier.promptTokens,
                    completionTokens - earlier.completionTokens, misses - earlier.misses);
        }
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder promptTokens = new LongAdder();
        final LongAdder completionTokens = new LongAdder();
        final LongAdder misses = new LongAdder();
    }

    private final Map<String, Counters> byModel = new ConcurrentHashMap<>();

    public void served(String model, int promptTokens, int completionTokens) {
        Counters counters = counters(model);
        counters.calls.increment();
        counters.promptTokens.add(promptTokens);
        counters.completionTokens.add(completionTokens);
    }

    public void missed(String model) {
        counters(model).misses.increment();
    }

    /** The totals so far, by model name in order. */
    public Map<String, ModelCalls> snapshot() {
        Map<String, ModelCalls> totals = new TreeMap<>();
        byModel.forEach((model, counters) -> totals.put(model, new ModelCalls(counters.calls.sum(),
                counters.promptTokens.sum(), counters.completionTokens.sum(), counters.misses.sum())));
        return totals;
    }

    private Counters counters(String model) {
        return byModel.computeIfAbsent(model, name -> new Counters());
    }
}
