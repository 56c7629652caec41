package ai.switchboard.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.TestEndpoints;
import ai.switchboard.providers.testsupport.kit.KitRequests;
import ai.switchboard.providers.testsupport.kit.OpenAiFormatFixture;
import ai.switchboard.providers.testsupport.kit.OpenAiWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI adapter with {@code profile: mistral} against the contract kit. Mistral's stream carries usage on the
 * chunk with the finish reason and sends no separate usage chunk; requests must carry neither
 * {@code stream_options} nor {@code max_completion_tokens}, which Mistral rejects with 422.
 */
class MistralProfileContractIT extends OpenAiFormatFixture {

    @Override
    protected ProviderAdapter createAdapter(ProviderHttpClients clients) {
        return new OpenAiAdapter(clients);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        return new ProviderEndpoint(name, OpenAiAdapter.TYPE, URI.create(stubBaseUrl + "/v1"), TestEndpoints.API_KEY,
                Map.of(), Duration.ofSeconds(2), responseTimeout, Map.of(OpenAiProfile.SETTING, "mistral"), 1);
    }

    @Override
    protected String model() {
        return "mistral-small-latest";
    }

    @Override
    protected MappingBuilder chatCall(boolean stream) {
        return post("/v1/chat/completions");
    }

    @Override
    protected StreamTranscript streamTranscript(UpstreamReply reply) {
        List<String> chunks = new ArrayList<>(OpenAiWireFixture.chunks(reply, model()));
        ObjectNode usage = (ObjectNode) WireJson.mapper().readTree(chunks.removeLast());
        ObjectNode finish = (ObjectNode) WireJson.mapper().readTree(chunks.removeLast());
        finish.set("usage", usage.get("usage"));
        chunks.add(finish.toString());
        return OpenAiWireFixture.transcript(chunks);
    }

    @Override
    protected void verifyAddress(SentRequest sent) {
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TestEndpoints.API_KEY);
        assertThat(sent.json().has("stream_options")).as("stream_options, rejected by Mistral").isFalse();
    }

    @Override
    protected void verifyPlainChat(SentRequest sent, boolean stream) {
        verifyAddress(sent);
        assertThat(sent.json().at("/messages/0/content").asString()).isEqualTo(KitRequests.USER_TEXT);
        assertThat(sent.json().path("stream").asBoolean()).isEqualTo(stream);
    }

    @Override
    protected void verifyMaxTokens(SentRequest sent) {
        assertThat(sent.json().has("max_completion_tokens")).isFalse();
        assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(KitRequests.MAX_TOKENS);
    }
}
