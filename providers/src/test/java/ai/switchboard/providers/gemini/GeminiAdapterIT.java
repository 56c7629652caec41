package ai.switchboard.providers.gemini;

import static ai.switchboard.providers.gemini.GeminiWire.API_KEY;
import static ai.switchboard.providers.gemini.GeminiWire.resource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class GeminiAdapterIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String MODEL = "gemini-2.5-flash";
    static final String GENERATE = "/v1beta/models/" + MODEL + ":generateContent";
    static final String STREAM = "/v1beta/models/" + MODEL + ":streamGenerateContent?alt=sse";

    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static GeminiAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new GeminiAdapter(clients);
        endpoint = endpoint("gemini-it", upstream.baseUrl(), Duration.ofSeconds(5));
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

    /** A Gemini endpoint at {@code baseUrl}, the API root as the registry stores it (no version segment). */
    static ProviderEndpoint endpoint(String name, String baseUrl, Duration responseTimeout) {
        return new ProviderEndpoint(name, GeminiAdapter.TYPE, URI.create(baseUrl), API_KEY, Map.of("x-team", "a"),
                Duration.ofSeconds(2), responseTimeout, Map.of(), 1);
    }

    static ChatRequest chatRequest(boolean stream) {
        return WireJson.mapper().readValue("""
                {"model":"%s","stream":%s,"messages":[{"role":"system","content":"Be brief."},
                  {"role":"user","content":"Weather in Paris?"}],"max_tokens":50,"user":"u-1",
                 "tools":[{"type":"function","function":{"name":"get_weather",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]}"""
                .formatted(MODEL, stream), ChatRequest.class);
    }

    private static MappingBuilder generate() {
        return post(urlEqualTo(GENERATE)).withHeader("x-goog-api-key", equalTo(API_KEY));
    }

    private static MappingBuilder stream() {
        return post(urlEqualTo(STREAM)).withHeader("x-goog-api-key", equalTo(API_KEY));
    }

    private static JsonNode sentBody() {
        var sent = upstream.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(1);
        return WireJson.mapper().readTree(sent.getFirst().getBodyAsString());
    }

    @Test
    void chatSendsANativeRequestAndTranslatesTheAnswer() {
        upstream.stubFor(generate().willReturn(okJson(resource("chat-text.json"))));

        ChatResponse response = adapter.chat(endpoint, chatRequest(false)).block(WAIT);

        assertThat(response.choices().getFirst().message().content().asString()).isEqualTo("Paris is sunny today.");
        assertThat(response.usage().totalTokens()).isEqualTo(66);
        upstream.verify(postRequestedFor(urlEqualTo(GENERATE)).withHeader("x-team", equalTo("a"))
                .withHeader("Content-Type", equalTo("application/json")));
        JsonNode body = sentBody();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("contents", "systemInstruction", "tools",
                "generationConfig");
        assertThat(body.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(50);
        assertThat(upstream.findAll(anyRequestedFor(anyUrl())).getFirst().getUrl()).doesNotContain("key=");
    }

    @Test
    void aStreamWithParallelToolCallsIsTranslatedChunkByChunk() {
        upstream.stubFor(stream().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(resource("stream-parallel-tool-calls.sse"))));

        List<ChatChunk> chunks = adapter.streamChat(endpoint, chatRequest(true)).collectList().block(WAIT);

        List<ToolCall> calls = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .filter(choice -> choice.delta().toolCalls() != null)
                .flatMap(choice -> choice.delta().toolCalls().stream()).toList();
        assertThat(calls).extracting(ToolCall::index).containsExactly(0, 1);
        assertThat(calls).extracting(call -> call.function().arguments())
                .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}");
        assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream()).map(choice -> choice.finishReason())
                .filter(Objects::nonNull)).containsExactly("tool_calls");
        assertThat(chunks.getLast().choices()).isEmpty();
        assertThat(chunks.getLast().usage().completionTokens()).isEqualTo(39);
        assertThat(sentBody().has("stream")).isFalse();
    }

    @Test
    void oneInputIsEmbeddedWithEmbedContentAndSeveralWithOneBatch() {
        upstream.stubFor(post(urlEqualTo("/v1beta/models/gemini-embedding-001:embedContent"))
                .willReturn(okJson("{\"embedding\":{\"values\":[0.25,-0.5]}}")));
        upstream.stubFor(post(urlEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents"))
                .willReturn(okJson("{\"embeddings\":[{\"values\":[1.0]},{\"values\":[2.0]},{\"values\":[3.0]}]}")));

        EmbeddingResponse single = adapter.embed(endpoint, embedding("\"hello\"", 2)).block(WAIT);
        assertThat(single.data()).singleElement()
                .satisfies(item -> assertThat(item.embedding().toString()).isEqualTo("[0.25,-0.5]"));
        assertThat(sentBody().at("/outputDimensionality").asInt()).isEqualTo(2);
        upstream.resetRequests();

        EmbeddingResponse batch = adapter.embed(endpoint, embedding("[\"a\",\"b\",\"c\"]", null)).block(WAIT);
        assertThat(batch.data()).extracting(EmbeddingResponse.Embedding::index).containsExactly(0, 1, 2);
        assertThat(batch.data().get(2).embedding().get(0).asDouble()).isEqualTo(3.0);
        assertThat(batch.model()).isEqualTo("gemini-embedding-001");
        assertThat(sentBody().at("/requests/2/model").asString()).isEqualTo("models/gemini-embedding-001");
    }

    private static EmbeddingRequest embedding(String input, Integer dimensions) {
        return WireJson.mapper().readValue("{\"model\":\"gemini-embedding-001\",\"input\":" + input
                + (dimensions == null ? "" : ",\"dimensions\":" + dimensions) + "}", EmbeddingRequest.class);
    }

    @Test
    void aRateLimitCarriesGooglesRetryDelayForChatAndStream() {
        var limited = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody(resource("error-429-retry.json"));
        upstream.stubFor(generate().willReturn(limited));
        upstream.stubFor(stream().willReturn(limited));

        for (Mono<?> call : List.of(adapter.chat(endpoint, chatRequest(false)),
                adapter.streamChat(endpoint, chatRequest(true)).collectList())) {
            ProviderException failure = failure(call);
            assertThat(failure.type()).isEqualTo(ErrorType.RATE_LIMITED);
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(37));
        }
    }

    @Test
    void anInvalidKeyIsAnAuthenticationErrorThatNeverShowsTheKey() {
        upstream.stubFor(generate().willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(resource("error-api-key-invalid.json"))));

        ProviderException failure = failure(adapter.chat(endpoint, chatRequest(false)));

        assertThat(failure.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.getMessage()).doesNotContain("AIza");
    }

    @Test
    void aMalformedBodyIsAMalformedResponse() {
        upstream.stubFor(generate().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"candidates\":[{\"content\":")));

        assertThat(failure(adapter.chat(endpoint, chatRequest(false))).type()).isEqualTo(ErrorType.MALFORMED_RESPONSE);
    }

    @Test
    void aStreamCutBeforeItsFinishReasonIsInterruptedNotComplete() {
        upstream.stubFor(stream().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(GeminiWire.sse(List.of(GeminiWire.textEvent("Hel", null), GeminiWire.textEvent("lo", null))))));

        StepVerifier.create(adapter.streamChat(endpoint, chatRequest(true)))
                .expectNextCount(3)
                .expectErrorSatisfies(error -> assertThat(((ProviderException) error).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);
    }

    @Test
    void anErrorEventInsideTheStreamFailsItWithItsClassification() {
        upstream.stubFor(stream().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(GeminiWire.sse(List.of(GeminiWire.textEvent("Hel", null),
                        GeminiWire.error(503, "UNAVAILABLE", "The model is overloaded."))))));

        StepVerifier.create(adapter.streamChat(endpoint, chatRequest(true)))
                .expectNextCount(2)
                .expectErrorSatisfies(error -> {
                    assertThat(((ProviderException) error).type()).isEqualTo(ErrorType.UPSTREAM_UNAVAILABLE);
                    assertThat(error.getMessage()).contains("overloaded");
                })
                .verify(WAIT);
    }

    @Test
    void aStalledUpstreamTimesOut() {
        upstream.stubFor(generate().willReturn(okJson(resource("chat-text.json")).withFixedDelay(3000)));
        upstream.stubFor(stream().willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withHeader("Content-Type", "text/event-stream").withBody(resource("stream-parallel-tool-calls.sse"))));
        ProviderEndpoint impatient = endpoint("gemini-impatient", upstream.baseUrl(), Duration.ofMillis(300));

        assertThat(failure(adapter.chat(impatient, chatRequest(false))).type()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(failure(adapter.streamChat(impatient, chatRequest(true)).collectList()).type())
                .isEqualTo(ErrorType.TIMEOUT);
    }

    @Test
    void requestsGeminiCannotHonourAreRefusedBeforeAnythingIsSent() {
        ChatRequest request = WireJson.mapper().readValue("""
                {"model":"%s","messages":[{"role":"user","content":[{"type":"image_url",
                  "image_url":{"url":"https://example.com/cat.png"}}]}]}""".formatted(MODEL), ChatRequest.class);

        ProviderException failure = failure(adapter.chat(endpoint, request));

        assertThat(failure.type()).isEqualTo(ErrorType.UNSUPPORTED);
        assertThat(failure.param()).isEqualTo("messages[0].content[0].image_url");
        assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static ProviderException failure(Mono<?> call) {
        ProviderException[] caught = new ProviderException[1];
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class);
                    assertThat(error.getMessage()).isNotBlank().doesNotContain(API_KEY);
                    caught[0] = (ProviderException) error;
                })
                .verify(WAIT);
        return caught[0];
    }
}
