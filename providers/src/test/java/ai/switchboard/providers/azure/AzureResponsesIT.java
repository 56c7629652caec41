package ai.switchboard.providers.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.testsupport.ResponsesFixtures;
import ai.switchboard.providers.testsupport.TestEndpoints;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Azure serves the Responses API on its v1 surface only: the deployment goes in the body, never in the path. */
class AzureResponsesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static AzureOpenAiAdapter adapter;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new AzureOpenAiAdapter(clients);
    }

    @AfterAll
    static void stop() {
        clients.close();
        upstream.stop();
    }

    @Test
    void deploymentStyleProviderCallsTheV1ResponsesPathWithItsApiKey() {
        upstream.stubFor(post(urlEqualTo("/openai/v1/responses")).willReturn(okJson(ResponsesFixtures.RESPONSE)));
        ProviderEndpoint endpoint = new ProviderEndpoint("azure", AzureOpenAiAdapter.TYPE,
                URI.create(upstream.baseUrl() + "/openai"), TestEndpoints.API_KEY, Map.of(), null,
                Duration.ofSeconds(5), Map.of(), 1);
        ObjectNode body = ResponsesFixtures.request().put("model", "gpt-5-prod");

        assertThat(adapter.servesResponses(endpoint)).isTrue();
        ObjectNode response = adapter.responses(endpoint, body).block(WAIT);

        assertThat(response.path("id").asString()).isEqualTo("resp_1");
        upstream.verify(postRequestedFor(urlEqualTo("/openai/v1/responses"))
                .withHeader("api-key", equalTo(TestEndpoints.API_KEY))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson(body.toString())));
    }

    @Test
    void v1StyleStreamsWithABearerToken() {
        upstream.stubFor(post(urlEqualTo("/openai/v1/responses")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(ResponsesFixtures.stream(true))));
        ProviderEndpoint endpoint = new ProviderEndpoint("azure-v1", AzureOpenAiAdapter.TYPE,
                URI.create(upstream.baseUrl() + "/openai/v1/"), TestEndpoints.API_KEY, Map.of(), null,
                Duration.ofSeconds(5), Map.of("api_style", "v1"), 1);

        assertThat(adapter.streamResponses(endpoint, ResponsesFixtures.request()).collectList().block(WAIT))
                .hasSize(5).last().extracting(event -> event.path("type").asString())
                .isEqualTo("response.completed");
        upstream.verify(postRequestedFor(urlEqualTo("/openai/v1/responses"))
                .withHeader("Authorization", equalTo("Bearer " + TestEndpoints.API_KEY)));
    }
}
