package ai.switchboard.providers.cohere;

import static ai.switchboard.providers.cohere.CohereFixtures.chatRequest;
import static ai.switchboard.providers.cohere.CohereFixtures.embedAnswer;
import static ai.switchboard.providers.cohere.CohereFixtures.resource;
import static ai.switchboard.providers.cohere.CohereFixtures.simpleRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CohereAdapterIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static CohereAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new CohereAdapter(clients, Clock.fixed(NOW, ZoneOffset.UTC));
        endpoint = CohereFixtures.endpoint("cohere-it", upstream.baseUrl(), Duration.ofSeconds(5), Map.of());
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
    void chatSendsTheNativeRequestAndMapsTheAnswer() {
        upstream.stubFor(post("/v2/chat").willReturn(okJson(resource("chat-text.json"))));

        ChatResponse response = adapter.chat(endpoint, chatRequest(resource("request-full.openai.json"))).block(WAIT);

        assertThat(response.choices().getFirst().message().content().asString()).isEqualTo("Hello world");
        assertThat(response.created()).isEqualTo(NOW.getEpochSecond());
        assertThat(response.model()).isEqualTo("command-a-03-2025");
        assertThat(response.usage().promptTokens()).isEqualTo(12);
        upstream.verify(postRequestedFor(urlEqualTo("/v2/chat"))
                .withHeader("Authorization", equalTo("Bearer " + CohereFixtures.API_KEY))
                .withHeader("X-Client-Name", equalTo("switchboard"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson(resource("request-full.cohere.json"))));
    }

    @Test
    void aBaseUrlEndingInV2IsTheSameApi() {
        upstream.stubFor(post("/v2/chat").willReturn(okJson(resource("chat-tool-calls.json"))));
        ProviderEndpoint versioned = CohereFixtures.endpoint("cohere-it", upstream.baseUrl() + "/v2/",
                Duration.ofSeconds(5), Map.of());

        ChatResponse response = adapter.chat(versioned, simpleRequest(false)).block(WAIT);

        assertThat(response.choices().getFirst().message().toolCalls()).hasSize(2);
        assertThat(response.choices().getFirst().finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void streamWithTwoToolCallsArrivesTranslatedInOrder() {
        upstream.stubFor(post("/v2/chat").willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(resource("stream-tool-calls.sse"))));

        List<ChatChunk> chunks = adapter.streamChat(endpoint, simpleRequest(true)).collectList().block(WAIT);

        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> {
            if (choice.delta().toolCalls() != null) {
                for (ToolCall call : choice.delta().toolCalls()) {
                    arguments.computeIfAbsent(call.index(), i -> new StringBuilder())
                            .append(call.function().arguments());
                }
            }
        }));
        assertThat(arguments).containsOnlyKeys(0, 1);
        assertThat(arguments.get(0)).hasToString("{\"city\": \"Paris\"}");
        assertThat(arguments.get(1)).hasToString("{\"tz\": \"Europe/Paris\"}");
        assertThat(chunks).extracting(ChatChunk::id).containsOnly("c0ffee-4");
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isEqualTo("assistant");
        assertThat(chunks.getLast().usage().totalTokens()).isEqualTo(32);
        upstream.verify(postRequestedFor(urlEqualTo("/v2/chat"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson("{\"model\":\"command-a-03-2025\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
    }

    @Test
    void embeddingsOverNinetySixTextsAreSplitAndMergedInOrder() {
        for (int first : new int[] {0, 96, 192}) {
            int count = Math.min(96, 200 - first);
            upstream.stubFor(post("/v2/embed").withRequestBody(matchingJsonPath("$.texts[0]", equalTo("t" + first)))
                    .willReturn(okJson(embedAnswer(first, count, count))));
        }
        EmbeddingRequest request = WireJson.mapper().readValue("{\"model\":\"embed-v4.0\",\"input\":["
                + IntStream.range(0, 200).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(",")) + "]}",
                EmbeddingRequest.class);

        EmbeddingResponse response = adapter.embed(endpoint, request).block(WAIT);

        assertThat(response.data()).hasSize(200);
        assertThat(response.data()).extracting(item -> item.embedding().get(0).asInt())
                .containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
        assertThat(response.usage().promptTokens()).isEqualTo(200);
        upstream.verify(3, postRequestedFor(urlEqualTo("/v2/embed"))
                .withHeader("Authorization", equalTo("Bearer " + CohereFixtures.API_KEY))
                .withRequestBody(equalToJson("{\"model\":\"embed-v4.0\",\"input_type\":\"search_document\","
                        + "\"embedding_types\":[\"float\"]}", true, true)));
    }
}
