package ai.switchboard.providers.bedrock;

import static ai.switchboard.providers.bedrock.BedrockFixtures.encode;
import static ai.switchboard.providers.bedrock.BedrockFixtures.simpleRequest;
import static ai.switchboard.providers.bedrock.BedrockFixtures.transcript;
import static ai.switchboard.providers.bedrock.BedrockTestEndpoints.MODEL;
import static ai.switchboard.providers.bedrock.BedrockTestEndpoints.MODEL_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import software.amazon.eventstream.Message;

class BedrockAdapterErrorsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static BedrockAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new BedrockAdapter(clients, BedrockTestEndpoints.CLOCK);
        endpoint = BedrockTestEndpoints.sigV4("bedrock-errors", upstream.baseUrl(), Duration.ofSeconds(5));
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
    void throttlingIsRateLimitedForJsonAndStreams() {
        stubError(429, "ThrottlingException", "Too many requests, please wait before trying again.");

        for (Mono<?> call : calls()) {
            expectError(call, ErrorType.RATE_LIMITED, error -> {
                assertThat(error.status()).isEqualTo(429);
                assertThat(error.retriable()).isTrue();
                assertThat(error.getMessage()).isEqualTo("Too many requests, please wait before trying again.");
            });
        }
    }

    @Test
    void validationExceptionIsTheClientsError() {
        stubError(400, "ValidationException", "A conversation must alternate between user and assistant roles.");

        for (Mono<?> call : calls()) {
            expectError(call, ErrorType.INVALID_REQUEST, error -> {
                assertThat(error.status()).isEqualTo(400);
                assertThat(error.retriable()).isFalse();
                assertThat(error.code()).isEqualTo("ValidationException");
            });
        }
    }

    @Test
    void accessDeniedNeverEchoesCredentials() {
        stubError(403, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/gw (key "
                + BedrockTestEndpoints.ACCESS_KEY_ID + ", secret " + BedrockTestEndpoints.SECRET + ") is not authorized");

        for (Mono<?> call : calls()) {
            expectError(call, ErrorType.PERMISSION, error -> assertThat(error.getMessage())
                    .doesNotContain(BedrockTestEndpoints.ACCESS_KEY_ID).doesNotContain(BedrockTestEndpoints.SECRET)
                    .doesNotContain("123456789012"));
        }
    }

    @Test
    void malformedJsonBodyIsAMalformedResponse() {
        upstream.stubFor(post(urlPathEqualTo(MODEL_PATH + "/converse")).willReturn(okJson("{\"output\":{\"message\":")));

        expectError(adapter.chat(endpoint, simpleRequest(MODEL, false)), ErrorType.MALFORMED_RESPONSE, error -> {
        });
    }

    @Test
    void streamCutMidFrameIsInterrupted() {
        byte[] whole = encode(transcript("stream-text.tsv"));
        // The body ends in the middle of the final metadata frame.
        stubStream(aResponse().withBody(Arrays.copyOf(whole, whole.length - 20)));

        StepVerifier.create(adapter.streamChat(endpoint, simpleRequest(MODEL, true)))
                .expectNextCount(4)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);
    }

    @Test
    void exceptionFrameMidStreamIsClassified() {
        List<Message> frames = new ArrayList<>(
                transcript("stream-text.tsv").subList(0, 2));
        frames.add(BedrockFixtures.exception("throttlingException", "{\"message\":\"Slow down\"}"));
        stubStream(aResponse().withBody(encode(frames)));

        StepVerifier.create(adapter.streamChat(endpoint, simpleRequest(MODEL, true)))
                .expectNextCount(2)
                .expectErrorSatisfies(failure -> {
                    assertThat(((ProviderException) failure).type()).isEqualTo(ErrorType.RATE_LIMITED);
                    assertThat(failure.getMessage()).isEqualTo("Slow down");
                })
                .verify(WAIT);
    }

    @Test
    void stalledStreamTimesOut() {
        ProviderEndpoint impatient = BedrockTestEndpoints.sigV4("bedrock-impatient", upstream.baseUrl(),
                Duration.ofMillis(300));
        // Headers at once, then the body in two pieces two seconds apart: the gap exceeds the response timeout.
        stubStream(aResponse().withBody(encode(transcript("stream-text.tsv"))).withChunkedDribbleDelay(2, 2000));

        expectError(adapter.streamChat(impatient, simpleRequest(MODEL, true)).then(), ErrorType.TIMEOUT, error -> {
        });
    }

    @Test
    void sigV4WithoutARegionIsAConfigurationError() {
        ProviderEndpoint noRegion = new ProviderEndpoint("bedrock-no-region", "bedrock",
                URI.create(upstream.baseUrl()), BedrockTestEndpoints.SECRET, null, null, null,
                Map.of("access_key_id", BedrockTestEndpoints.ACCESS_KEY_ID), 1);

        expectError(adapter.chat(noRegion, simpleRequest(MODEL, false)), ErrorType.AUTHENTICATION, error -> {
            assertThat(error.status()).isEqualTo(500);
            assertThat(error.getMessage()).contains("settings.region");
        });
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    private static List<Mono<?>> calls() {
        return List.of(adapter.chat(endpoint, simpleRequest(MODEL, false)),
                adapter.streamChat(endpoint, simpleRequest(MODEL, true)).collectList());
    }

    private static void stubError(int status, String kind, String message) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", kind + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withHeader("x-amzn-RequestId", "0f1e2d3c-aaaa-bbbb-cccc-000000000000")
                .withBody("{\"message\":\"" + message + "\"}");
        upstream.stubFor(post(urlPathEqualTo(MODEL_PATH + "/converse")).willReturn(response));
        upstream.stubFor(post(urlPathEqualTo(MODEL_PATH + "/converse-stream")).willReturn(response));
    }

    private static void stubStream(ResponseDefinitionBuilder response) {
        upstream.stubFor(post(urlPathEqualTo(MODEL_PATH + "/converse-stream"))
                .willReturn(response.withStatus(200).withHeader("Content-Type", "application/vnd.amazon.eventstream")));
    }

    private static void expectError(Mono<?> call, ErrorType type,
            Consumer<ProviderException> more) {
        StepVerifier.create(call)
                .expectErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(ProviderException.class);
                    ProviderException error = (ProviderException) failure;
                    assertThat(error.type()).isEqualTo(type);
                    assertThat(error.getMessage()).doesNotContain(BedrockTestEndpoints.SECRET);
                    more.accept(error);
                })
                .verify(WAIT);
    }
}
