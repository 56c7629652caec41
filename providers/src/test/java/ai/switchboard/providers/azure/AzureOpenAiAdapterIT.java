package ai.switchboard.providers.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.TestEndpoints;
import ai.switchboard.providers.testsupport.kit.KitRequests;
import ai.switchboard.providers.testsupport.kit.OpenAiWireFixture;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

/** What only Azure does, beyond the contract kit: content filtering, {@code retry-after-ms}, other operations. */
class AzureOpenAiAdapterIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CHAT_PATH = "/openai/deployments/gpt-4o-prod/chat/completions";
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static AzureOpenAiAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new AzureOpenAiAdapter(clients);
        endpoint = new ProviderEndpoint("azure", AzureOpenAiAdapter.TYPE, URI.create(upstream.baseUrl() + "/openai"),
                TestEndpoints.API_KEY, Map.of(), null, Duration.ofSeconds(5), Map.of(), 1);
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
    void filteredPromptIsContentFilteredForJsonAndStreams() {
        upstream.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's \
                        content management policy.","type":null,"param":"prompt","code":"content_filter","status":400,\
                        "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":\
                        {"hate":{"filtered":true,"severity":"high"}}}}}""")));

        for (var call : List.of(adapter.chat(endpoint, KitRequests.plain("gpt-4o-prod")),
                adapter.streamChat(endpoint, KitRequests.streamed(KitRequests.plain("gpt-4o-prod"))).then())) {
            StepVerifier.create(call).expectErrorSatisfies(failure -> {
                ProviderException error = (ProviderException) failure;
                assertThat(error.type()).isEqualTo(ErrorType.CONTENT_FILTERED);
                assertThat(error.status()).isEqualTo(400);
                assertThat(error.code()).isEqualTo("content_filter");
                assertThat(error.retriable()).isFalse();
            }).verify(WAIT);
        }
    }

    @Test
    void filteredCompletionPassesThroughWithItsFinishReasonAndFilterResults() {
        ObjectNode body = (ObjectNode) WireJson.mapper().readTree(OpenAiWireFixture.chatBody(
                UpstreamReply.text(UpstreamFinish.STOP, new UpstreamUsage(10, 2, 0), "Partial"), "gpt-4o"));
        ObjectNode choice = (ObjectNode) body.at("/choices/0");
        choice.put("finish_reason", "content_filter");
        choice.set("content_filter_results", WireJson.mapper().readTree(
                "{\"violence\":{\"filtered\":true,\"severity\":\"medium\"}}"));
        upstream.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(okJson(body.toString())));

        ChatResponse response = adapter.chat(endpoint, KitRequests.plain("gpt-4o-prod")).block(WAIT);

        assertThat(response.choices().getFirst().finishReason()).isEqualTo("content_filter");
        assertThat(response.choices().getFirst().extra()).containsKey("content_filter_results");
    }

    @Test
    void filteredStreamEndsWithContentFilterAndDropsFilterOnlyChunks() {
        List<String> chunks = new ArrayList<>(OpenAiWireFixture.chunks(
                UpstreamReply.text(UpstreamFinish.STOP, new UpstreamUsage(10, 2, 0), "Part", "ial"), "gpt-4o"));
        chunks.set(chunks.size() - 2, chunks.get(chunks.size() - 2).replace("\"stop\"", "\"content_filter\""));
        chunks.addFirst(AzureBodies.promptFilterChunk());
        upstream.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(aResponse().withHeader("Content-Type",
                "text/event-stream").withBody(new String(OpenAiWireFixture.transcript(chunks).body()))));

        List<ChatChunk> received = adapter.streamChat(endpoint,
                KitRequests.streamed(KitRequests.plain("gpt-4o-prod"))).collectList().block(WAIT);

        assertThat(received).hasSize(chunks.size() - 1).noneMatch(chunk -> chunk.id().isEmpty());
        assertThat(received.get(received.size() - 2).choices().getFirst().finishReason()).isEqualTo("content_filter");
    }

    @Test
    void rateLimitHonoursRetryAfterMsOverRetryAfter() {
        upstream.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("retry-after", "2").withHeader("retry-after-ms", "1500")
                .withHeader("Content-Type", "application/json").withBody(AzureBodies.error("429",
                        "Requests to the ChatCompletions_Create Operation have exceeded call rate limit. "
                                + "Please retry after 2 seconds."))));

        StepVerifier.create(adapter.chat(endpoint, KitRequests.plain("gpt-4o-prod"))).expectErrorSatisfies(failure -> {
            ProviderException error = (ProviderException) failure;
            assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMITED);
            assertThat(error.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        }).verify(WAIT);
    }

    @Test
    void embeddingsAndLegacyCompletionsAreAddressedToTheirDeployments() {
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/emb-small/embeddings")).willReturn(okJson("""
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.5]}],"model":"x",
                "usage":{"prompt_tokens":1,"total_tokens":1}}""")));
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/instruct/completions")).willReturn(okJson(
                "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"42\",\"index\":0,"
                        + "\"finish_reason\":\"stop\"}]}")));
        EmbeddingRequest embedding = WireJson.mapper().readValue("{\"model\":\"emb-small\",\"input\":\"a\"}",
                EmbeddingRequest.class);
        ObjectNode completion = WireJson.mapper().createObjectNode().put("model", "instruct").put("prompt", "6*7=");

        assertThat(adapter.embed(endpoint, embedding).block(WAIT).data()).hasSize(1);
        assertThat(adapter.complete(endpoint, completion).block(WAIT).at("/choices/0/text").asString())
                .isEqualTo("42");
        upstream.verify(postRequestedFor(urlEqualTo("/openai/deployments/emb-small/embeddings?api-version=2024-10-21"))
                .withHeader("api-key", equalTo(TestEndpoints.API_KEY)));
        upstream.verify(postRequestedFor(urlEqualTo("/openai/deployments/instruct/completions?api-version=2024-10-21")));
    }

    @Test
    void legacyCompletionStreamDropsFilterOnlyChunks() {
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/instruct/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(new String(OpenAiWireFixture.transcript(
                        List.of(AzureBodies.promptFilterChunk(),
                                "{\"id\":\"cmpl-1\",\"choices\":[{\"text\":\"4\",\"index\":0,\"finish_reason\":null}]}",
                                "{\"id\":\"cmpl-1\",\"choices\":[{\"text\":\"2\",\"index\":0,\"finish_reason\":\"stop\"}]}"))
                        .body()))));
        ObjectNode request = WireJson.mapper().createObjectNode().put("model", "instruct").put("prompt", "6*7=")
                .put("stream", true);

        assertThat(adapter.streamComplete(endpoint, request).collectList().block(WAIT))
                .extracting(chunk -> chunk.at("/choices/0/text").asString()).containsExactly("4", "2");
    }
}
