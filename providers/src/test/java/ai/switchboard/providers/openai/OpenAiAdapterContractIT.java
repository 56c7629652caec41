package ai.switchboard.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.testsupport.TestEndpoints;
import ai.switchboard.providers.testsupport.kit.OpenAiFormatFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.time.Duration;
import java.util.Map;

/** The OpenAI adapter against the contract kit; OpenAI's format is the canonical one, so requests pass through. */
class OpenAiAdapterContractIT extends OpenAiFormatFixture {

    @Override
    protected ProviderAdapter createAdapter(ProviderHttpClients clients) {
        return new OpenAiAdapter(clients);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        return TestEndpoints.named(name, OpenAiAdapter.TYPE, stubBaseUrl + "/v1", Map.of(), responseTimeout);
    }

    @Override
    protected String model() {
        return "gpt-4o";
    }

    @Override
    protected MappingBuilder chatCall(boolean stream) {
        return post("/v1/chat/completions");
    }

    @Override
    protected void verifyAddress(SentRequest sent) {
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TestEndpoints.API_KEY);
    }
}
