package ai.switchboard.providers.cohere;

import static ai.switchboard.providers.cohere.CohereFixtures.API_KEY;
import static ai.switchboard.providers.cohere.CohereFixtures.resource;
import static ai.switchboard.providers.cohere.CohereFixtures.simpleRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.testsupport.LoopbackSseServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CohereAdapterFailuresIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static CohereAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new CohereAdapter(clients);
        endpoint = CohereFixtures.endpoint("cohere-failures", upstream.baseUrl(), Duration.ofSeconds(5), Map.of());
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

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"429, RATE_LIMITED, 429", "498, AUTHENTICATION, 401", "401, AUTHENTICATION, 401",
            "499, UPSTREAM_SERVER_ERROR, 502", "503, UPSTREAM_UNAVAILABLE, 503"})
    void statusesAreClassifiedWithRetryAfterAndNeverEchoTheKey(int status, ErrorType type, int clientStatus) {
        upstream.stubFor(post(urlPathMatching("/v2/(chat|embed)")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "4")
                .withBody("{\"id\":\"e1\",\"message\":\"invalid api token: " + API_KEY + "\"}")));

        for (Mono<?> call : List.of(adapter.chat(endpoint, simpleRequest(false)),
                adapter.streamChat(endpoint, simpleRequest(true)).collectList(),
                adapter.embed(endpoint, CohereFixtures.embedRequest()))) {
            StepVerifier.create(call).expectErrorSatisfies(failure -> {
                ProviderException error = (ProviderException) failure;
                assertThat(error.type()).isEqualTo(type);
                assertThat(error.status()).isEqualTo(clientStatus);
                assertThat(error.upstreamStatus()).isEqualTo(status);
                assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(4));
                assertThat(error.getMessage()).doesNotContain(API_KEY).doesNotContain("SECRET");
            }).verify(WAIT);
        }
    }

    @Test
    void badRequestCarriesCoheresMessage() {
        upstream.stubFor(post("/v2/chat").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(resource("error.json"))));

        StepVerifier.create(adapter.chat(endpoint, simpleRequest(false))).expectErrorSatisfies(failure -> {
            assertThat(((ProviderException) failure).type()).isEqualTo(ErrorType.INVALID_REQUEST);
            assertThat(failure.getMessage()).isEqualTo("invalid request: too many tokens");
        }).verify(WAIT);
    }

    @Test
    void unsupportedRequestsFailBeforeAnyCall() {
        expectError(adapter.chat(endpoint, CohereFixtures.chatRequest(
                "{\"model\":\"m\",\"n\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")),
                ErrorType.UNSUPPORTED);

        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void malformedBodyIsAMalformedResponse() {
        upstream.stubFor(post("/v2/chat").willReturn(okJson("{\"id\":\"x\",\"message\":{")));
        upstream.stubFor(post("/v2/embed").willReturn(okJson("{\"embeddings\":{\"float\":[]}}")));

        expectError(adapter.chat(endpoint, simpleRequest(false)), ErrorType.MALFORMED_RESPONSE);
        expectError(adapter.embed(endpoint, CohereFixtures.embedRequest()), ErrorType.MALFORMED_RESPONSE);
    }

    @Test
    void streamCutBeforeMessageEndIsInterrupted() {
        String body = resource("stream-text.sse");
        stubStream(aResponse().withBody(body.substring(0, body.indexOf("event: message-end"))));

        StepVerifier.create(adapter.streamChat(endpoint, simpleRequest(true)))
                .expectNextCount(3)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);
    }

    @Test
    void brokenChunkedBodyIsInterrupted() {
        stubStream(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        expectError(adapter.streamChat(endpoint, simpleRequest(true)).then(), ErrorType.STREAM_INTERRUPTED);
    }

    @Test
    void stalledStreamTimesOut() {
        ProviderEndpoint impatient = CohereFixtures.endpoint("cohere-impatient", upstream.baseUrl(),
                Duration.ofMillis(300), Map.of());
        // Headers at once, then the body in two pieces two seconds apart: the gap exceeds the response timeout.
        stubStream(aResponse().withBody(resource("stream-text.sse")).withChunkedDribbleDelay(2, 2000));

        expectError(adapter.streamChat(impatient, simpleRequest(true)).then(), ErrorType.TIMEOUT);
    }

    @Test
    void cancellingTheStreamClosesTheUpstreamConnection() throws Exception {
        String firstEvents = CohereFixtures.sse(List.of(
                "{\"type\":\"message-start\",\"id\":\"m\"}",
                "{\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"text\":\"Hel\"}}}}"));
        try (LoopbackSseServer server = new LoopbackSseServer(firstEvents);
                ProviderHttpClients own = new ProviderHttpClients()) {
            // The server never sends more: without cancellation the call would wait for the 30 s timeout.
            ProviderEndpoint held = CohereFixtures.endpoint("cohere-cancel", server.baseUrl(), Duration.ofSeconds(30),
                    Map.of());

            StepVerifier.create(new CohereAdapter(own).streamChat(held, simpleRequest(true)))
                    .expectNextCount(2)
                    .thenCancel()
                    .verify(WAIT);

            assertThat(server.awaitRequest(1, TimeUnit.SECONDS)).isTrue();
            assertThat(server.awaitClientClose(5, TimeUnit.SECONDS))
                    .as("the upstream connection is closed when the subscriber cancels").isTrue();
        }
    }

    private static void expectError(Mono<?> call, ErrorType type) {
        StepVerifier.create(call)
                .expectErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(ProviderException.class);
                    assertThat(((ProviderException) failure).type()).isEqualTo(type);
                    assertThat(failure.getMessage()).doesNotContain(API_KEY);
                })
                .verify(WAIT);
    }

    private static void stubStream(ResponseDefinitionBuilder response) {
        upstream.stubFor(post("/v2/chat")
                .willReturn(response.withStatus(200).withHeader("Content-Type", "text/event-stream")));
    }
}
