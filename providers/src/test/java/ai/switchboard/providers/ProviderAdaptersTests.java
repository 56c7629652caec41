package ai.switchboard.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.openai.OpenAiAdapter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderAdaptersTests {

    private final ProviderHttpClients clients = new ProviderHttpClients();

    @Test
    void findsAdaptersByTypeIgnoringCase() {
        OpenAiAdapter openAi = new OpenAiAdapter(clients);
        ProviderAdapters adapters = new ProviderAdapters(List.of(openAi));

        assertThat(adapters.forType("openai")).isSameAs(openAi);
        assertThat(adapters.forType("OpenAI")).isSameAs(openAi);
        assertThat(adapters.supports("openai")).isTrue();
        assertThat(adapters.supports("anthropic")).isFalse();
        assertThat(adapters.types()).containsExactly("openai");
    }

    @Test
    void unknownTypesAndDuplicatesAreRejectedClearly() {
        ProviderAdapters adapters = new ProviderAdapters(List.of(new OpenAiAdapter(clients)));

        assertThatIllegalArgumentException().isThrownBy(() -> adapters.forType("gemini"))
                .withMessage("No adapter for provider type 'gemini'; known types: [openai]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProviderAdapters(List.of(new OpenAiAdapter(clients), new OpenAiAdapter(clients))))
                .withMessageContaining("Two adapters serve provider type 'openai'");
    }
}
