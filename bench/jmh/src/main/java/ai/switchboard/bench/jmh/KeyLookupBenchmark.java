package ai.switchboard.bench.jmh;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.key.ApiKeyHasher;
import java.util.ArrayList;
import java.util.List;
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
 * Authentication's per-request work: SHA-256 of the presented key, then a hash-map look-up in the snapshot, with
 * 100 and 10,000 keys registered (the look-up must stay flat as keys grow).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KeyLookupBenchmark {

    @Param({"100", "10000"})
    int keys;

    private RegistrySnapshot snapshot;
    private String[] secrets;
    private int next;

    @Setup
    public void setUp() {
        List<ApiKeyRecord> records = new ArrayList<>(keys);
        List<String> plain = new ArrayList<>(keys);
        for (int k = 0; k < keys; k++) {
            // The shape of generated keys: sk-sb- and 40 random-looking characters.
            String secret = "sk-sb-" + UUID.randomUUID().toString().replace("-", "") + String.format("%08d", k);
            plain.add(secret);
            records.add(new ApiKeyRecord(UUID.randomUUID(), "key-" + k, secret.substring(0, 10),
                    ApiKeyHasher.hash(secret), Set.of(KeyScope.INFERENCE), Set.of(), null, false));
        }
        snapshot = new RegistrySnapshot(1, List.of(), List.of(), records);
        secrets = new String[1024];
        for (int i = 0; i < secrets.length; i++) {
            secrets[i] = plain.get(i * 7919 % keys);
        }
    }

    @Benchmark
    public ApiKeyRecord hashAndLookUp() {
        return snapshot.keyByHash(ApiKeyHasher.hash(secrets[next++ & (secrets.length - 1)]));
    }

    @Benchmark
    public String hashOnly() {
        return ApiKeyHasher.hash(secrets[next++ & (secrets.length - 1)]);
    }
}
