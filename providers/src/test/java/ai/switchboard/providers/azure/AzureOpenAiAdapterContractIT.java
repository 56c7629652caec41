package ai.switchboard.providers.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.TestEndpoints;
import ai.switchboard.providers.testsupport.kit.OpenAiFormatFixture;
import ai.switchboard.providers.testsupport.kit.OpenAiWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure OpenAI, deployment style, against the contract kit. Replies carry Azure's content-filter annotations the
 * way Azure sends them: results on the body and choices, a first stream chunk with {@code choices: []} and
 * {@code prompt_filter_results} (empty id and model), and an annotation-only chunk before the finish.
 */
class AzureOpenAiAdapterContractIT extends OpenAiFormatFixture {

    static final String DEPLOYMENT = "gpt-4o-prod";
    static final String API_VERSION = "2024-10-21";

    /** The provider's {@code api_style} setting. */
    protected String apiStyle() {
        return "deployment";
    }

    @Override
    protected ProviderAdapter createAdapter(ProviderHttpClients clients) {
        return new AzureOpenAiAdapter(clients);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        return new ProviderEndpoint(name, AzureOpenAiAdapter.TYPE, URI.create(stubBaseUrl + "/"), TestEndpoints.API_KEY,
                Map.of(), Duration.ofSeconds(2), responseTimeout,
                Map.of("api_style", apiStyle(), "api_version", API_VERSION), 1);
    }

    @Override
    protected String model() {
        return DEPLOYMENT;
    }

    @Override
    protected MappingBuilder chatCall(boolean stream) {
        if ("v1".equals(apiStyle())) {
            return post(urlPathEqualTo("/openai/v1/chat/completions"));
        }
        return post(urlPathEqualTo("/openai/deployments/" + DEPLOYMENT + "/chat/completions"))
                .withQueryParam("api-version", equalTo(API_VERSION));
    }

    @Override
    protected void verifyAddress(SentRequest sent) {
        if ("v1".equals(apiStyle())) {
            assertThat(sent.path()).isEqualTo("/openai/v1/chat/completions");
            assertThat(sent.query("api-version")).isNull();
            assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TestEndpoints.API_KEY);
            assertThat(sent.header("api-key")).isNull();
        }
        else {
            assertThat(sent.path()).isEqualTo("/openai/deployments/" + DEPLOYMENT + "/chat/completions");
            assertThat(sent.query("api-version")).isEqualTo(API_VERSION);
            assertThat(sent.header("api-key")).isEqualTo(TestEndpoints.API_KEY);
            assertThat(sent.header("Authorization")).isNull();
        }
    }

    @Override
    protected ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        ObjectNode body = (ObjectNode) WireJson.mapper().readTree(OpenAiWireFixture.chatBody(reply, model()));
        body.set("prompt_filter_results", WireJson.mapper().readTree(AzureBodies.PROMPT_FILTER_RESULTS));
        ((ObjectNode) body.at("/choices/0")).set("content_filter_results",
                WireJson.mapper().readTree(AzureBodies.CONTENT_FILTER_RESULTS));
        return okJson(body.toString());
    }

    @Override
    protected StreamTranscript streamTranscript(UpstreamReply reply) {
        List<String> chunks = new ArrayList<>(OpenAiWireFixture.chunks(reply, model()));
        chunks.addFirst(AzureBodies.promptFilterChunk());
        // Before the finish chunk (second to last, the last being usage): an asynchronous-filter annotation.
        chunks.add(chunks.size() - 2, AzureBodies.annotationChunk(model()));
        return OpenAiWireFixture.transcript(chunks);
    }

    @Override
    protected ResponseDefinitionBuilder errorResponse(int status, String message) {
        ResponseDefinitionBuilder response = aResponse().withHeader("Content-Type", "application/json")
                .withBody(AzureBodies.error(status == 404 ? "DeploymentNotFound" : Integer.toString(status), message));
        // Azure sends both; the millisecond value wins and must agree with the kit's Retry-After.
        return status == 429 ? response.withHeader("retry-after-ms", "7000") : response;
    }
}
