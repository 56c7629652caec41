package ai.switchboard.bench.jmh;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.DeploymentResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing decision as it exists today: public model name to {@link Deployment} over a {@link RegistrySnapshot}
 * of 10 and 1,000 models (cycling through 1,024 names defeats a lucky cache line), so growth shows as a difference
 * between the two. Routes and policies ({@code /admin/v1/routes}, issue 4) are not on main yet: when
 * {@code RoutingPolicy} lands, add a {@code @Param("100") int routes} and a benchmark that calls
 * {@code policy.plan(request, candidates)} for a route name here, with the same snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RoutingBenchmark {

    private static final int PROVIDERS = 50;

    @Param({"10", "1000"})
    int models;

    private RegistrySnapshot snapshot;
    private DeploymentResolver resolver;
    private String[] names;
    private int next;

    @Setup
    public void setUp() {
        List<ProviderConfig> providers = new ArrayList<>();
        for (int p = 0; p < PROVIDERS; p++) {
            providers.add(new ProviderConfig(UUID.randomUUID(), "provider-" + p, p % 2 == 0 ? "openai" : "anthropic",
                    "http://127.0.0.1:1/v1/", "sk-" + p, Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(60),
                    Map.of(), true, 1));
        }
        List<ModelConfig> catalog = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            catalog.add(new ModelConfig(UUID.randomUUID(), "model-" + m, "provider-" + (m % PROVIDERS),
                    "upstream-" + m, "1", EnumSet.of(Capability.CHAT, Capability.STREAMING), 128_000, 4096, null,
                    null, Set.of(), true, 0));
        }
        snapshot = new RegistrySnapshot(1, providers, catalog, List.<ApiKeyRecord>of());
        resolver = new DeploymentResolver();
        names = new String[1024];
        for (int i = 0; i < names.length; i++) {
            names[i] = "model-" + (i * 7919 % models);
        }
    }

    @Benchmark
    public Deployment resolveModel() {
        String name = names[next++ & (names.length - 1)];
        return resolver.resolve(snapshot, name);
    }
}
