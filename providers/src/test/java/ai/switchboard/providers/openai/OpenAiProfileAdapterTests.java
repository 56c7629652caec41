package ai.switchboard.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The adapter applies the profile before calling: refusals and misconfiguration need no upstream at all. */
class OpenAiProfileAdapterTests {

    private final ProviderHttpClients clients = new ProviderHttpClients();
    private final OpenAiAdapter adapter = new OpenAiAdapter(clients);

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void groqRefusalIsAnErrorSignalForJsonAndStreams() {
        ChatRequest request = WireJson.mapper().readValue(
                "{\"model\":\"llama\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":3}", ChatRequest.class);
        ProviderEndpoint groq = endpoint(Map.of("profile", "groq"));

        StepVerifier.create(adapter.chat(groq, request)).expectErrorSatisfies(error -> assertThat(
                ((ProviderException) error).type()).isEqualTo(ErrorType.UNSUPPORTED)).verify(Duration.ofSeconds(5));
        StepVerifier.create(adapter.streamChat(groq, request)).expectErrorSatisfies(error -> assertThat(
                ((ProviderException) error).type()).isEqualTo(ErrorType.UNSUPPORTED)).verify(Duration.ofSeconds(5));
    }

    @Test
    void unknownProfileIsAMisconfigurationNamingTheSetting() {
        StepVerifier.create(adapter.chat(endpoint(Map.of("profile", "bedrock")), WireJson.mapper().readValue(
                        "{\"model\":\"m\",\"messages\":[]}", ChatRequest.class)))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("misconfigured")
                        .hasMessageContaining("profile"))
                .verify(Duration.ofSeconds(5));
    }

    private static ProviderEndpoint endpoint(Map<String, String> settings) {
        // Nothing listens here: a test that reached the network would fail with CONNECTION_FAILED instead.
        return new ProviderEndpoint("profiled", OpenAiAdapter.TYPE, URI.create("http://127.0.0.1:9/v1"), "k", Map.of(),
                null, null, settings, 1);
    }
}
