package ai.switchboard.registry.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyGeneratorTests {

    private final ApiKeyGenerator generator = new ApiKeyGenerator();

    @Test
    void generatesPrefixedUrlSafeKeys() {
        GeneratedApiKey key = generator.generate();

        assertThat(key.plaintext()).matches("sk-sb-[A-Za-z0-9_-]{40}");
        assertThat(key.prefix()).hasSize(10).isEqualTo(key.plaintext().substring(0, 10));
        assertThat(key.hash()).isEqualTo(ApiKeyHasher.hash(key.plaintext()));
        assertThat(key.toString()).doesNotContain(key.plaintext());
    }

    @Test
    void neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(generator.generate().plaintext())).isTrue();
        }
    }
}
