package ai.switchboard.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.ResponsesFixtures;
import ai.switchboard.providers.testsupport.SseBodies;
import ai.switchboard.providers.testsupport.TestEndpoints;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

/** The native Responses API pass-through of OpenAI-type providers, against a stubbed OpenAI. */
class OpenAiResponsesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static OpenAiAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new OpenAiAdapter(clients);
        endpoint = TestEndpoints.endpoint("openai", upstream.baseUrl() + "/v1/");
    }

    @AfterEach
    void reset() {
        upstream.resetAll();
    }

    @AfterAll
    static void stop() {
        clients.close();
        upstream.stop();
    }

    @Test
    void postsTheRequestUnchangedAndReturnsTheResponseObjectAsSent() {
        upstream.stubFor(post("/v1/responses").willReturn(okJson(ResponsesFixtures.RESPONSE)));

        ObjectNode response = adapter.responses(endpoint, ResponsesFixtures.request()).block(WAIT);

        assertThat(response).isEqualTo(WireJson.mapper().readTree(ResponsesFixtures.RESPONSE));
        upstream.verify(postRequestedFor(urlEqualTo("/v1/responses"))
                .withHeader("Authorization", equalTo("Bearer " + TestEndpoints.API_KEY))
                .withRequestBody(equalToJson(ResponsesFixtures.REQUEST)));
    }

    @Test
    void aFailedResponseAndAnHttpErrorAreClassifiedUpstreamFailures() {
        upstream.stubFor(post("/v1/responses").willReturn(okJson(ResponsesFixtures.RESPONSE
                .replace("\"status\":\"completed\",\"error\":null", "\"status\":\"failed\",\"error\":"
                        + "{\"code\":\"server_error\",\"message\":\"The model failed\"}"))));
        StepVerifier.create(adapter.responses(endpoint, ResponsesFixtures.request()))
                .expectErrorSatisfies(error -> assertThat(((ProviderException) error).retriable()).isTrue())
                .verify(WAIT);

        upstream.stubFor(post("/v1/responses").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Slow down\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));
        StepVerifier.create(adapter.responses(endpoint, ResponsesFixtures.request()))
                .expectErrorSatisfies(error -> {
                    assertThat(((ProviderException) error).type()).isEqualTo(ErrorType.RATE_LIMITED);
                    assertThat(((ProviderException) error).retryAfter()).isEqualTo(Duration.ofSeconds(3));
                })
                .verify(WAIT);
    }

    @Test
    void streamPassesEveryEventThroughAndEndsAtTheTerminalOne() {
        upstream.stubFor(post("/v1/responses").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(ResponsesFixtures.stream(true))));

        List<ObjectNode> events = adapter.streamResponses(endpoint, ResponsesFixtures.request()).collectList()
                .block(WAIT);

        assertThat(events).extracting(event -> event.path("type").asString()).containsExactly("response.created",
                "response.in_progress", "response.output_text.delta", "response.output_text.delta",
                "response.completed");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/responses")).withHeader("Accept",
                equalTo("text/event-stream")));
    }

    @Test
    void aStreamCutBeforeItsTerminalEventOrCarryingAnErrorEventFails() {
        upstream.stubFor(post("/v1/responses").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(ResponsesFixtures.stream(false))));
        StepVerifier.create(adapter.streamResponses(endpoint, ResponsesFixtures.request()))
                .expectNextCount(4)
                .expectErrorSatisfies(error -> assertThat(((ProviderException) error).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);

        upstream.stubFor(post("/v1/responses").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(SseBodies.namedEvents(List.of("error", "{\"type\":\"error\",\"sequence_number\":0,"
                        + "\"code\":\"rate_limit_exceeded\",\"message\":\"Too many tokens\",\"param\":null}")))));
        StepVerifier.create(adapter.streamResponses(endpoint, ResponsesFixtures.request()))
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("Too many tokens"))
                .verify(WAIT);
    }

    @Test
    void onlyOpenAiItselfServesResponsesNatively() {
        assertThat(adapter.servesResponses(endpoint)).isTrue();
        for (String profile : List.of("vllm", "ollama", "groq", "mistral", "deepseek", "bogus")) {
            ProviderEndpoint compatible = new ProviderEndpoint("p", "openai", URI.create("http://x/v1"), null, null,
                    null, null, Map.of("profile", profile), 1);
            assertThat(adapter.servesResponses(compatible)).as(profile).isFalse();
        }
    }
}
