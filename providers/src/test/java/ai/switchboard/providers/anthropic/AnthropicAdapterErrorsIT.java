package ai.switchboard.providers.anthropic;

import static ai.switchboard.providers.anthropic.AnthropicAdapterIT.WAIT;
import static ai.switchboard.providers.anthropic.AnthropicAdapterIT.request;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.API_KEY;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.stub;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.stubError;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.stubStream;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.testsupport.LoopbackSseServer;
import com.github.tomakehurst.wiremock.WireMockServer;
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

/** Anthropic's error statuses and transport faults, for JSON calls and streams. */
class AnthropicAdapterErrorsIT {

    private static final ChatRequest JSON = request(
            "{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    private static final ChatRequest STREAM = request(
            "{\"model\":\"c\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static AnthropicAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new AnthropicAdapter(clients);
        endpoint = AnthropicUpstreamStubs.endpoint("anthropic-errors", upstream.baseUrl(), Map.of(), Map.of(),
                Duration.ofSeconds(5));
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

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
            "400, invalid_request_error, INVALID_REQUEST, 400",
            "401, authentication_error, AUTHENTICATION, 401",
            "402, billing_error, UPSTREAM_CLIENT_ERROR, 402",
            "403, permission_error, PERMISSION, 403",
            "404, not_found_error, NOT_FOUND, 404",
            "413, request_too_large, REQUEST_TOO_LARGE, 413",
            "429, rate_limit_error, RATE_LIMITED, 429",
            "500, api_error, UPSTREAM_SERVER_ERROR, 502",
            "504, timeout_error, TIMEOUT, 504",
            "529, overloaded_error, UPSTREAM_UNAVAILABLE, 503"})
    void statusesAreClassifiedWithRetryAfterAndNoKey(int status, String anthropicType, ErrorType type,
            int clientStatus) {
        // The message echoes the key: whatever the status, it must not reach the client.
        stubError(upstream, status, anthropicType, "invalid x-api-key " + API_KEY, Map.of("retry-after", "7"));

        for (Mono<?> call : List.of(adapter.chat(endpoint, JSON), adapter.streamChat(endpoint, STREAM).then())) {
            StepVerifier.create(call).expectErrorSatisfies(failure -> {
                ProviderException error = (ProviderException) failure;
                assertThat(error.type()).isEqualTo(type);
                assertThat(error.status()).isEqualTo(clientStatus);
                assertThat(error.upstreamStatus()).isEqualTo(status);
                assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                assertThat(error.getMessage()).doesNotContain(API_KEY).doesNotContain("SECRET");
            }).verify(WAIT);
        }
    }

    @Test
    void overLongPromptIsAContextLengthError() {
        stubError(upstream, 400, "invalid_request_error", "prompt is too long: 208310 tokens > 200000 maximum",
                Map.of());

        StepVerifier.create(adapter.chat(endpoint, JSON)).expectErrorSatisfies(failure -> {
            assertThat(((ProviderException) failure).type()).isEqualTo(ErrorType.CONTEXT_LENGTH_EXCEEDED);
            assertThat(((ProviderException) failure).status()).isEqualTo(400);
        }).verify(WAIT);
    }

    @Test
    void malformedBodiesAreMalformedResponses() {
        stub(upstream, okJson("{\"id\":\"msg_1\",\"type\":\"message\",\"content\":["));
        expectError(adapter.chat(endpoint, JSON), ErrorType.MALFORMED_RESPONSE);

        stub(upstream, okJson("{}"));
        expectError(adapter.chat(endpoint, JSON), ErrorType.MALFORMED_RESPONSE);
    }

    @Test
    void errorBodyWithStatus200IsClassifiedByItsType() {
        stub(upstream, okJson(AnthropicUpstreamStubs.errorBody("overloaded_error", "Overloaded")));

        expectError(adapter.chat(endpoint, JSON), ErrorType.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void errorEventAfterStatus200EndsTheStream() {
        stubStream(upstream, AnthropicTranscripts.body("stream-overloaded-mid-way.sse"));

        StepVerifier.create(adapter.streamChat(endpoint, STREAM))
                .expectNextCount(2)
                .expectErrorSatisfies(failure -> {
                    assertThat(((ProviderException) failure).type()).isEqualTo(ErrorType.UPSTREAM_UNAVAILABLE);
                    assertThat(((ProviderException) failure).status()).isEqualTo(503);
                })
                .verify(WAIT);
    }

    @Test
    void streamCutMidWayIsInterruptedNotComplete() {
        stubStream(upstream, AnthropicTranscripts.body("stream-cut-off.sse"));

        StepVerifier.create(adapter.streamChat(endpoint, STREAM))
                .expectNextCount(2)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);

        stub(upstream, AnthropicUpstreamStubs.streamResponse("").withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        expectError(adapter.streamChat(endpoint, STREAM).then(), ErrorType.STREAM_INTERRUPTED);
    }

    @Test
    void stalledStreamTimesOut() {
        ProviderEndpoint impatient = AnthropicUpstreamStubs.endpoint("anthropic-impatient", upstream.baseUrl(),
                Map.of(), Map.of(), Duration.ofMillis(300));
        // Headers arrive at once, then the body comes in two pieces two seconds apart: the gap between reads
        // exceeds the response timeout.
        stub(upstream, AnthropicUpstreamStubs.streamResponse(AnthropicTranscripts.body("stream-text.sse"))
                .withChunkedDribbleDelay(2, 2000));

        expectError(adapter.streamChat(impatient, STREAM).then(), ErrorType.TIMEOUT);
    }

    @Test
    void resetConnectionFails() {
        stub(upstream, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        expectError(adapter.chat(endpoint, JSON), ErrorType.CONNECTION_FAILED);
    }

    @Test
    void cancellingTheStreamClosesTheUpstreamConnection() throws Exception {
        try (LoopbackSseServer server = new LoopbackSseServer(AnthropicTranscripts.body("stream-cut-off.sse"))) {
            // The server never sends more, so without cancellation the call would wait for the 30 s timeout.
            ProviderEndpoint loopback = AnthropicUpstreamStubs.endpoint("anthropic-cancel", server.baseUrl(),
                    Map.of(), Map.of(), Duration.ofSeconds(30));

            StepVerifier.create(adapter.streamChat(loopback, STREAM))
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
}
