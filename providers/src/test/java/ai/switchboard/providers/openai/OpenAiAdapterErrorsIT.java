package ai.switchboard.providers.openai;

import static ai.switchboard.providers.testsupport.OpenAiFixtures.contentChunk;
import static ai.switchboard.providers.testsupport.OpenAiFixtures.error;
import static ai.switchboard.providers.testsupport.OpenAiFixtures.textStream;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.SseBodies;
import ai.switchboard.providers.testsupport.TestEndpoints;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OpenAiAdapterErrorsIT {

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
        endpoint = TestEndpoints.endpoint("openai", upstream.baseUrl() + "/v1");
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
    @CsvSource({
            "400, INVALID_REQUEST, 400, invalid_request_error",
            "401, AUTHENTICATION, 401, invalid_api_key",
            "404, NOT_FOUND, 404, model_not_found",
            "413, REQUEST_TOO_LARGE, 413, ",
            "429, RATE_LIMITED, 429, rate_limit_exceeded",
            "500, UPSTREAM_SERVER_ERROR, 502, ",
            "503, UPSTREAM_UNAVAILABLE, 503, "})
    void upstreamStatusesAreClassifiedForJsonAndStreams(int status, ErrorType type, int clientStatus, String code) {
        // The upstream echoes the key, as OpenAI does in its 401 text; no status may let it through.
        upstream.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "3")
                .withBody(error("Incorrect API key provided: " + TestEndpoints.API_KEY, "x", code))));

        for (Mono<?> call : List.of(adapter.chat(endpoint, request(false)),
                adapter.streamChat(endpoint, request(true)).collectList())) {
            StepVerifier.create(call).expectErrorSatisfies(failure -> {
                ProviderException error = (ProviderException) failure;
                assertThat(error.type()).isEqualTo(type);
                assertThat(error.status()).isEqualTo(clientStatus);
                assertThat(error.upstreamStatus()).isEqualTo(status);
                assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                assertThat(error.code()).isEqualTo(code);
                assertThat(error.getMessage()).doesNotContain(TestEndpoints.API_KEY).doesNotContain("SECRET");
            }).verify(WAIT);
        }
    }

    @Test
    void malformedJsonBodyIsAMalformedResponse() {
        upstream.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"id\":\"x\",\"choices\":[")));

        expectError(adapter.chat(endpoint, request(false)), ErrorType.MALFORMED_RESPONSE);
    }

    @Test
    void errorObjectWithStatus200IsAnError() {
        upstream.stubFor(post("/v1/chat/completions").willReturn(okJson(error("overloaded", "server_error", null))));

        expectError(adapter.chat(endpoint, request(false)), ErrorType.UPSTREAM_SERVER_ERROR);
    }

    @Test
    void malformedStreamEventIsAMalformedResponse() {
        stubStream(aResponse().withBody(SseBodies.openAiStream(List.of(contentChunk("a"), "{not json}"))));

        StepVerifier.create(adapter.streamChat(endpoint, request(true)))
                .expectNextCount(1)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.MALFORMED_RESPONSE))
                .verify(WAIT);
    }

    @Test
    void errorEventAfterStatus200IsClassified() {
        stubStream(aResponse().withBody(SseBodies.openAiStream(List.of(contentChunk("a"),
                error("Rate limit reached", "requests", "rate_limit_exceeded")))));

        StepVerifier.create(adapter.streamChat(endpoint, request(true)))
                .expectNextCount(1)
                .expectErrorSatisfies(failure -> {
                    assertThat(((ProviderException) failure).type()).isEqualTo(ErrorType.RATE_LIMITED);
                    assertThat(failure.getMessage()).isEqualTo("Rate limit reached");
                })
                .verify(WAIT);
    }

    @Test
    void streamWithoutDoneIsInterruptedNotComplete() {
        stubStream(aResponse().withBody(SseBodies.openAiStreamWithoutDone(textStream("partial"))));

        StepVerifier.create(adapter.streamChat(endpoint, request(true)))
                .expectNextCount(3)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);
    }

    @Test
    void brokenChunkedBodyIsInterrupted() {
        stubStream(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        expectError(adapter.streamChat(endpoint, request(true)).then(), ErrorType.STREAM_INTERRUPTED);
    }

    @Test
    void stalledStreamTimesOut() {
        ProviderEndpoint impatient = TestEndpoints.named("impatient", "openai", upstream.baseUrl() + "/v1",
                Map.of(), Duration.ofMillis(300));
        // Headers arrive at once, then the body trickles in two pieces a second apart: the gap between reads
        // exceeds the response timeout.
        stubStream(aResponse().withBody(SseBodies.openAiStream(textStream("a", "b"))).withChunkedDribbleDelay(2,
                2000));

        expectError(adapter.streamChat(impatient, request(true)).then(), ErrorType.TIMEOUT);
    }

    @Test
    void slowAnswerTimesOut() {
        ProviderEndpoint impatient = TestEndpoints.named("impatient", "openai", upstream.baseUrl() + "/v1",
                Map.of(), Duration.ofMillis(300));
        upstream.stubFor(post("/v1/chat/completions").willReturn(okJson("{}").withFixedDelay(2000)));

        expectError(adapter.chat(impatient, request(false)), ErrorType.TIMEOUT);
    }

    @Test
    void refusedConnectionFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderEndpoint nowhere = TestEndpoints.endpoint("openai", "http://127.0.0.1:" + closedPort + "/v1");

        expectError(adapter.chat(nowhere, request(false)), ErrorType.CONNECTION_FAILED);
        expectError(adapter.streamChat(nowhere, request(true)).then(), ErrorType.CONNECTION_FAILED);
    }

    @Test
    void resetConnectionFails() {
        upstream.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        expectError(adapter.chat(endpoint, request(false)), ErrorType.CONNECTION_FAILED);
    }

    private static void expectError(Mono<?> call, ErrorType type) {
        StepVerifier.create(call)
                .expectErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(ProviderException.class);
                    assertThat(((ProviderException) failure).type()).isEqualTo(type);
                    assertThat(failure.getMessage()).doesNotContain(TestEndpoints.API_KEY);
                })
                .verify(WAIT);
    }

    private static void stubStream(ResponseDefinitionBuilder response) {
        upstream.stubFor(post("/v1/chat/completions")
                .willReturn(response.withStatus(200).withHeader("Content-Type", "text/event-stream")));
    }

    private static ChatRequest request(boolean stream) {
        return WireJson.mapper().readValue("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"stream\":" + stream + "}", ChatRequest.class);
    }

}
