package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.provider.CallLedger;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one dataset through one route with bounded concurrency, every {@code streamEvery}-th prompt as a stream, and
 * prices what the replay provider served in the meantime. Settings run one after another, so the provider's
 * counters moved only for this route.
 */
final class SettingRunner {

    private final GatewayClient gateway;
    private final String key;
    private final ExecutorService pool;
    private final CallLedger calls;
    private final PriceTable prices;
    private final int streamEvery;

    SettingRunner(GatewayClient gateway, String key, ExecutorService pool, CallLedger calls, PriceTable prices,
            int streamEvery) {
        this.gateway = gateway;
        this.key = key;
        this.pool = pool;
        this.calls = calls;
        this.prices = prices;
        this.streamEvery = streamEvery;
    }

    RunMeasurement run(ReplayDataset dataset, PolicySetting setting) throws IOException {
        String route = setting.routeName(dataset.name());
        Map<String, CallLedger.ModelCalls> before = calls.snapshot();
        List<Future<ChatOutcome>> pending = new ArrayList<>(dataset.items().size());
        for (int i = 0; i < dataset.items().size(); i++) {
            ReplayItem item = dataset.items().get(i);
            boolean stream = streamEvery > 0 && i % streamEvery == streamEvery - 1;
            pending.add(pool.submit(() -> {
                try {
                    return gateway.chat(key, route, item.id(), item.prompt(), stream);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        List<ChatOutcome> outcomes = new ArrayList<>(pending.size());
        for (Future<ChatOutcome> future : pending) {
            outcomes.add(await(future));
        }
        double cost = 0;
        long misses = 0;
        for (Map.Entry<String, CallLedger.ModelCalls> entry : calls.snapshot().entrySet()) {
            CallLedger.ModelCalls spent = entry.getValue().minus(before.get(entry.getKey()));
            misses += spent.misses();
            if (spent.calls() > 0) {
                cost += prices.of(entry.getKey()).cost(spent.promptTokens(), spent.completionTokens());
            }
        }
        return new RunMeasurement(setting, route, outcomes, cost, misses);
    }

    private static ChatOutcome await(Future<ChatOutcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                    : new IOException(e.getCause());
        }
    }
}
