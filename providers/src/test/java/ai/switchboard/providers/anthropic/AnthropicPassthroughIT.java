package ai.switchboard.providers.anthropic;

import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.messagesRequested;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.stubMessage;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.stubStream;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.AnthropicMessagesAnswer;
import ai.switchboard.providers.api.AnthropicMessagesApi;
import ai.switchboard.providers.api.AnthropicMessagesCall;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.gemini.GeminiAdapter;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.openai.OpenAiAdapter;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Messages API passed through to a stubbed Anthropic over real HTTP: bodies and events byte for byte, the
 * client's protocol headers, usage read for accounting, and failures classified as for translated calls.
 */
class AnthropicPassthroughIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A body with fields the canonical model has no place for, which must all reach the upstream. */
    private static final String CLAUDE_CODE_BODY = """
            {"model":"claude-sonnet-4-6","max_tokens":32000,"stream":true,
             "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}],
             "messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],
             "thinking":{"type":"adaptive","display":"omitted"},
             "context_management":{"edits":[{"type":"clear_thinking_20251015","keep":"all"}]},
             "output_config":{"effort":"high"},"metadata":{"user_id":"{\\"device_id\\":\\"d1\\"}"}}""";

    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static AnthropicMessagesApi api;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        api = new AnthropicAdapter(clients).anthropicMessages().orElseThrow();
        endpoint = AnthropicUpstreamStubs.endpoint("anthropic-passthrough-it", upstream.baseUrl(),
                Map.of("anthropic-beta", "prompt-caching-2024-07-31"), Map.of(), Duration.ofSeconds(5));
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
    void answerAndBodyTravelUnchangedExceptTheModelAndUsageIsRead() {
        stubMessage(upstream, "message-tool-use-cached.json");

        AnthropicMessagesAnswer answer = api.create(endpoint, call(CLAUDE_CODE_BODY.replace("\"stream\":true,", ""))
                .withModel("claude-sonnet-4-6-20260101")).block(WAIT);

        assertThat(answer.body()).isEqualTo(WireJson.mapper().readTree(
                AnthropicTranscripts.body("message-tool-use-cached.json")));
        assertThat(answer.usage().promptTokens()).isEqualTo(1250);
        assertThat(answer.usage().cachedTokens()).isEqualTo(1000);
        assertThat(answer.usage().completionTokens()).isEqualTo(30);
        upstream.verify(messagesRequested()
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("anthropic-beta", equalTo("prompt-caching-2024-07-31,claude-code-20250219,"
                        + "context-management-2025-06-27"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson(CLAUDE_CODE_BODY.replace("\"stream\":true,", "")
                        .replace("claude-sonnet-4-6", "claude-sonnet-4-6-20260101"))));
    }

    @Test
    void withModelLeavesTheClientsBodyAlone() {
        AnthropicMessagesCall original = call(CLAUDE_CODE_BODY);

        AnthropicMessagesCall addressed = original.withModel("upstream-id");

        assertThat(original.body().get("model").asString()).isEqualTo("claude-sonnet-4-6");
        assertThat(addressed.body().get("model").asString()).isEqualTo("upstream-id");
        assertThat(addressed.body().get("messages")).isSameAs(original.body().get("messages"));
        assertThat(addressed.betas()).isEqualTo(original.betas());
    }

    @Test
    void streamEventsPassVerbatimWithCumulativeUsageOnTheEventsThatReportIt() {
        String transcript = AnthropicTranscripts.body("stream-thinking-then-zero-arg-tool.sse");
        stubStream(upstream, transcript);

        List<AnthropicMessagesEvent> events = api.stream(endpoint, call(CLAUDE_CODE_BODY)).collectList().block(WAIT);

        List<ServerSentEvent<String>> sent = AnthropicTranscripts.events("stream-thinking-then-zero-arg-tool.sse");
        assertThat(events).extracting(AnthropicMessagesEvent::type)
                .containsExactlyElementsOf(sent.stream().map(ServerSentEvent::event).toList());
        assertThat(events).extracting(AnthropicMessagesEvent::data)
                .containsExactlyElementsOf(sent.stream().map(ServerSentEvent::data).toList());
        List<Usage> usage = events.stream().map(AnthropicMessagesEvent::usage).filter(Objects::nonNull).toList();
        assertThat(usage).extracting(Usage::promptTokens).containsExactly(90, 90);
        assertThat(usage).extracting(Usage::completionTokens).containsExactly(1, 12);
        assertThat(events.getFirst().opening()).isTrue();
        assertThat(events.get(1).opening()).isFalse();
        upstream.verify(messagesRequested().withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson(CLAUDE_CODE_BODY)));
    }

    @Test
    void streamCompletesAtMessageStopWithoutWaitingForTheConnectionToClose() {
        // Anything after message_stop (here a stray event) is never read: the stream is over.
        stubStream(upstream, AnthropicTranscripts.body("stream-text.sse")
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":9}\n\n");

        List<AnthropicMessagesEvent> events = api.stream(endpoint, call(CLAUDE_CODE_BODY)).collectList().block(WAIT);

        assertThat(events.getLast().type()).isEqualTo("message_stop");
    }

    @Test
    void errorEventEndsTheStreamWithItsClassifiedErrorAfterTheEventsBeforeIt() {
        stubStream(upstream, AnthropicTranscripts.body("stream-overloaded-mid-way.sse"));

        List<String> types = new ArrayList<>();
        StepVerifier.create(api.stream(endpoint, call(CLAUDE_CODE_BODY)).map(AnthropicMessagesEvent::type))
                .recordWith(() -> types)
                .thenConsumeWhile(type -> true)
                .expectErrorSatisfies(failure -> {
                    assertThat(((ProviderException) failure).type()).isEqualTo(ErrorType.UPSTREAM_UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("Overloaded");
                })
                .verify(WAIT);
        assertThat(types).containsExactly("message_start", "content_block_start", "content_block_delta");
    }

    @Test
    void streamCutOffBeforeMessageStopIsInterruptedNotComplete() {
        stubStream(upstream, AnthropicTranscripts.body("stream-cut-off.sse"));

        StepVerifier.create(api.stream(endpoint, call(CLAUDE_CODE_BODY)))
                .expectNextCount(3)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);
    }

    @Test
    void upstreamStatusErrorsAreClassifiedWithRetryAfter() {
        AnthropicUpstreamStubs.stubError(upstream, 429, "rate_limit_error", "Slow down",
                Map.of("retry-after", "7"));

        StepVerifier.create(api.stream(endpoint, call(CLAUDE_CODE_BODY)))
                .expectErrorSatisfies(failure -> {
                    ProviderException refused = (ProviderException) failure;
                    assertThat(refused.type()).isEqualTo(ErrorType.RATE_LIMITED);
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                })
                .verify(WAIT);
    }

    @Test
    void errorBodyWithStatus200IsAnErrorNotAnAnswer() {
        AnthropicUpstreamStubs.stub(upstream, aResponse().withStatus(200).withHeader("Content-Type",
                "application/json").withBody(AnthropicUpstreamStubs.errorBody("overloaded_error", "Overloaded")));

        StepVerifier.create(api.create(endpoint, call("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}")))
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.UPSTREAM_UNAVAILABLE))
                .verify(WAIT);
    }

    @Test
    void countTokensUsesTheCountingEndpointAndAnswersAsTheUpstreamDid() {
        upstream.stubFor(post("/v1/messages/count_tokens").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"input_tokens\":2095,\"context_management\":{\"original_input_tokens\":2300}}")));
        String body = "{\"model\":\"claude-sonnet-4-6\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        ObjectNode count = api.countTokens(endpoint, call(body).withModel("claude-x")).block(WAIT);

        assertThat(count.get("input_tokens").asInt()).isEqualTo(2095);
        assertThat(count.has("context_management")).isTrue();
        upstream.verify(postRequestedFor(urlEqualTo("/v1/messages/count_tokens"))
                .withHeader("x-api-key", equalTo(AnthropicUpstreamStubs.API_KEY))
                .withRequestBody(equalToJson(body.replace("claude-sonnet-4-6", "claude-x"))));
    }

    @Test
    void countWithoutInputTokensIsMalformed() {
        upstream.stubFor(post("/v1/messages/count_tokens").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"tokens\":5}")));

        StepVerifier.create(api.countTokens(endpoint, call("{\"model\":\"m\",\"messages\":[]}")))
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.MALFORMED_RESPONSE))
                .verify(WAIT);
    }

    @Test
    void onlyTheAnthropicAdapterSpeaksTheMessagesApi() {
        assertThat(new OpenAiAdapter(clients).anthropicMessages()).isEmpty();
        assertThat(new GeminiAdapter(clients).anthropicMessages()).isEmpty();
        assertThat(new AnthropicAdapter(clients).anthropicMessages()).isPresent();
    }

    private static AnthropicMessagesCall call(String body) {
        return new AnthropicMessagesCall((ObjectNode) WireJson.mapper().readTree(body), "2023-06-01",
                List.of("claude-code-20250219", "context-management-2025-06-27", "prompt-caching-2024-07-31"));
    }
}
