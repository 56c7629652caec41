package ai.switchboard.registry.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApiKeyHasherTests {

    @Test
    void isLowerHexSha256() {
        // echo -n abc | sha256sum
        assertThat(ApiKeyHasher.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeyHasher.hash("")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void isSafeAcrossThreads() throws Exception {
        String expected = ApiKeyHasher.hash("sk-sb-concurrent");
        ConcurrentHashMap<String, Boolean> results = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 2_000; i++) {
            pool.execute(() -> results.put(ApiKeyHasher.hash("sk-sb-concurrent"), true));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(results).containsOnlyKeys(expected);
    }
}
