package ai.switchboard.providers.openai;

import static ai.switchboard.providers.testsupport.OpenAiFixtures.chatResponse;
import static ai.switchboard.providers.testsupport.OpenAiFixtures.finishChunk;
import static ai.switchboard.providers.testsupport.OpenAiFixtures.roleChunk;
import static ai.switchboard.providers.testsupport.OpenAiFixtures.textStream;
import static ai.switchboard.providers.testsupport.OpenAiFixtures.toolCallArguments;
import static ai.switchboard.providers.testsupport.OpenAiFixtures.toolCallStart;
import static ai.switchboard.providers.testsupport.OpenAiFixtures.usageChunk;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.OpenAiFixtures;
import ai.switchboard.providers.testsupport.SseBodies;
import ai.switchboard.providers.testsupport.TestEndpoints;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class OpenAiAdapterIT {

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
        endpoint = TestEndpoints.endpoint("openai", upstream.baseUrl() + "/v1/",
                Map.of("OpenAI-Organization", "org-1"), Duration.ofSeconds(5));
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
    void chatSendsTheRequestAsGivenAndParsesTheAnswer() {
        upstream.stubFor(post("/v1/chat/completions").willReturn(okJson(chatResponse("Hello"))));
        ChatRequest request = WireJson.mapper().readValue("""
                {"model":"ft:gpt-4o-mini:acme::abc","messages":[{"role":"user","content":"hi"}],
                "reasoning_effort":"low","metadata":{"k":"v"}}""", ChatRequest.class);

        ChatResponse response = adapter.chat(endpoint, request).block(WAIT);

        assertThat(response.choices().get(0).message().text()).isEqualTo("Hello");
        assertThat(response.usage().cachedTokens()).isEqualTo(4);
        assertThat(response.usage().completionTokensDetails().reasoningTokens()).as("OpenAI's own, passed on")
                .isEqualTo(2);
        assertThat(response.extra()).containsKey("service_tier");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + TestEndpoints.API_KEY))
                .withHeader("OpenAI-Organization", equalTo("org-1"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model":"ft:gpt-4o-mini:acme::abc","messages":[{"role":"user","content":"hi"}],
                        "reasoning_effort":"low","metadata":{"k":"v"}}""")));
    }

    @Test
    void chatStreamYieldsChunksInOrderWithTheUsageChunkLast() {
        List<String> chunks = new ArrayList<>(textStream("Hel", "lo"));
        chunks.add(usageChunk(82, 17));
        stubStream(SseBodies.openAiStream(chunks));

        List<ChatChunk> received = adapter.streamChat(endpoint, streamRequest()).collectList().block(WAIT);

        assertThat(received).hasSize(5);
        StringBuilder text = new StringBuilder();
        received.forEach(chunk -> chunk.choices().forEach(choice -> {
            if (choice.delta().content() != null) {
                text.append(choice.delta().content());
            }
        }));
        assertThat(text).hasToString("Hello");
        assertThat(received.get(3).choices().get(0).finishReason()).isEqualTo("stop");
        ChatChunk last = received.get(4);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage().totalTokens()).isEqualTo(99);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}", true,
                        true)));
    }

    @Test
    void parallelToolCallFragmentsReassembleExactly() {
        stubStream(SseBodies.openAiStream(List.of(roleChunk(),
                toolCallStart(0, "call_a", "get_weather"),
                toolCallArguments(0, "{\\\"city\\\":"),
                toolCallStart(1, "call_b", "get_time"),
                toolCallArguments(0, "\\\"Paris\\\"}"),
                toolCallArguments(1, "{}"),
                finishChunk("tool_calls"))));

        List<ChatChunk> received = adapter.streamChat(endpoint, streamRequest()).collectList().block(WAIT);

        Map<Integer, String> ids = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        for (ChatChunk chunk : received) {
            for (var choice : chunk.choices()) {
                if (choice.delta().toolCalls() == null) {
                    continue;
                }
                for (ToolCall call : choice.delta().toolCalls()) {
                    if (call.id() != null) {
                        ids.put(call.index(), call.id());
                        names.put(call.index(), call.function().name());
                    }
                    arguments.computeIfAbsent(call.index(), i -> new StringBuilder())
                            .append(call.function().arguments());
                }
            }
        }
        assertThat(ids).containsExactly(Map.entry(0, "call_a"), Map.entry(1, "call_b"));
        assertThat(names).containsExactly(Map.entry(0, "get_weather"), Map.entry(1, "get_time"));
        assertThat(arguments.get(0)).hasToString("{\"city\":\"Paris\"}");
        assertThat(arguments.get(1)).hasToString("{}");
        assertThat(received.getLast().choices().get(0).finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void filterChunksCommentsAndUnknownFieldsAreTolerated() {
        String body = ": keep-alive\n\n" + SseBodies.openAiStream(List.of(OpenAiFixtures.azureFilterChunk(),
                OpenAiFixtures.contentChunk("ok"), finishChunk("stop")));
        stubStream(body);

        List<ChatChunk> received = adapter.streamChat(endpoint, streamRequest()).collectList().block(WAIT);

        assertThat(received).hasSize(3);
        assertThat(received.get(0).choices()).isEmpty();
        assertThat(received.get(0).extra()).containsKey("prompt_filter_results");
        assertThat(received.get(1).extra()).containsKey("obfuscation");
    }

    @Test
    void embeddingsPassThrough() {
        upstream.stubFor(post("/v1/embeddings").willReturn(okJson("""
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,-0.2]}],
                "model":"text-embedding-3-small","usage":{"prompt_tokens":2,"total_tokens":2}}""")));
        EmbeddingRequest request = WireJson.mapper().readValue(
                "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"dimensions\":2}",
                EmbeddingRequest.class);

        EmbeddingResponse response = adapter.embed(endpoint, request).block(WAIT);

        assertThat(response.data()).hasSize(1);
        assertThat(response.data().get(0).embedding().get(1).asDouble()).isEqualTo(-0.2);
        assertThat(response.usage().promptTokens()).isEqualTo(2);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/embeddings")).withRequestBody(
                equalToJson("{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"dimensions\":2}")));
    }

    @Test
    void legacyCompletionsJsonAndStream() {
        upstream.stubFor(post("/v1/completions").withRequestBody(equalToJson("{\"stream\":false}", true, true))
                .willReturn(okJson("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"42\","
                        + "\"index\":0,\"finish_reason\":\"stop\"}]}")));
        upstream.stubFor(post("/v1/completions").withRequestBody(equalToJson("{\"stream\":true}", true, true))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(
                        SseBodies.openAiStream(List.of("{\"choices\":[{\"text\":\"4\",\"index\":0}]}",
                                "{\"choices\":[{\"text\":\"2\",\"index\":0}]}")))));
        ObjectNode request = WireJson.mapper().createObjectNode().put("model", "gpt-3.5-turbo-instruct")
                .put("prompt", "6*7=").put("stream", false);

        ObjectNode answer = adapter.complete(endpoint, request).block(WAIT);
        List<ObjectNode> chunks = adapter.streamComplete(endpoint, request.deepCopy().put("stream", true))
                .collectList().block(WAIT);

        assertThat(answer.at("/choices/0/text").asString()).isEqualTo("42");
        assertThat(chunks).extracting(chunk -> chunk.at("/choices/0/text").asString()).containsExactly("4", "2");
    }

    static ChatRequest streamRequest() {
        return WireJson.mapper().readValue("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"stream":true,
                "stream_options":{"include_usage":true}}""", ChatRequest.class);
    }

    private static void stubStream(String body) {
        upstream.stubFor(post("/v1/chat/completions").willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }
}
