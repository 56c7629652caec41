package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.openai.OpenAiAdapter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterProviderTypesTests {

    private static final URI BASE = URI.create("http://vllm.internal:8000/v1");

    private final AdapterProviderTypes types = new AdapterProviderTypes(
            new ProviderAdapters(List.of(new OpenAiAdapter(new ProviderHttpClients()))));

    @Test
    void theConcurrencyLimitIsASettingOfEveryTypeCheckedByTheGateway() {
        assertThat(types.inspect("openai", BASE, Map.of("max_concurrent_calls", "64"))).isEmpty();
        assertThat(types.inspect("openai", BASE, Map.of("max_concurrent_calls", "64", "profile", "ollama")))
                .isEmpty();
    }

    @Test
    void aConcurrencyLimitThatIsNotAPositiveWholeNumberIsRefused() {
        for (String bad : List.of("0", "-1", "1.5", "64 ", "", "abc", "10000001", "99999999999")) {
            assertThat(types.inspect("openai", BASE, Map.of("max_concurrent_calls", bad)))
                    .as(bad).containsOnlyKeys("settings.max_concurrent_calls");
        }
    }

    @Test
    void theAdapterStillRefusesWhatItDoesNotRead() {
        assertThat(types.inspect("openai", BASE, Map.of("max_concurrent_calls", "8", "bogus", "x")))
                .containsOnlyKeys("settings.bogus");
    }
}
