package ai.switchboard.providers.anthropic;

import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.messagesRequested;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.stubMessage;
import static ai.switchboard.providers.anthropic.AnthropicUpstreamStubs.stubStream;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The adapter against a stubbed Anthropic over real HTTP: request shape, answers and streams. */
class AnthropicAdapterIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static AnthropicAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new AnthropicAdapter(clients, CLOCK);
        // The registry stores the API root; "/v1" is added by the adapter.
        endpoint = AnthropicUpstreamStubs.endpoint("anthropic-it", upstream.baseUrl(),
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
    void chatSendsTheNativeRequestAndTranslatesTheAnswer() {
        stubMessage(upstream, "message-text.json");

        ChatResponse response = adapter.chat(endpoint, request("""
                {"model":"claude-sonnet-4-5","messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":"hi"}],"max_tokens":100,"metadata":{"not":"forwarded"}}""")).block(WAIT);

        assertThat(response.choices().get(0).message().text()).isEqualTo("Hello there");
        assertThat(response.created()).isEqualTo(1_700_000_000L);
        assertThat(response.usage().totalTokens()).isEqualTo(15);
        upstream.verify(messagesRequested()
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("anthropic-beta", equalTo("prompt-caching-2024-07-31"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("""
                        {"model":"claude-sonnet-4-5","max_tokens":100,
                         "system":[{"type":"text","text":"Be brief."}],
                         "messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}""")));
    }

    @Test
    void baseUrlWithV1AndVersionSettingAreHonoured() {
        stubMessage(upstream, "message-text.json");
        ProviderEndpoint withV1 = AnthropicUpstreamStubs.endpoint("anthropic-it-v1", upstream.baseUrl() + "/v1/",
                Map.of(), Map.of("anthropic_version", "2024-01-01"), Duration.ofSeconds(5));

        adapter.chat(withV1, request("{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .block(WAIT);

        upstream.verify(messagesRequested().withHeader("anthropic-version", equalTo("2024-01-01"))
                .withRequestBody(equalToJson("{\"max_tokens\":4096}", true, true)));
    }

    @Test
    void cachedTokensAndToolCallsOfAJsonAnswer() {
        stubMessage(upstream, "message-tool-use-cached.json");

        ChatResponse response = adapter.chat(endpoint, request(
                "{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}]}")).block(WAIT);

        assertThat(response.choices().get(0).message().toolCalls())
                .containsExactly(ToolCall.of("toolu_01A", "get_weather", "{\"city\":\"Paris\",\"days\":[1,2]}"));
        assertThat(response.choices().get(0).finishReason()).isEqualTo("tool_calls");
        assertThat(response.usage().promptTokens()).isEqualTo(1250);
        assertThat(response.usage().cachedTokens()).isEqualTo(1000);
        assertThat(response.usage().extra()).containsKey("cache_creation_input_tokens");
    }

    @Test
    void streamWithTextAndTwoToolCalls() {
        stubStream(upstream, AnthropicTranscripts.body("stream-text-then-tools.sse"));

        List<ChatChunk> chunks = adapter.streamChat(endpoint, request("""
                {"model":"claude-sonnet-4-5","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"weather and time in Paris?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}},
                  {"type":"function","function":{"name":"get_time"}}]}""")).collectList().block(WAIT);

        ReassembledStream answer = ReassembledStream.of(chunks);
        assertThat(answer.text()).isEqualTo("Checking both.");
        assertThat(answer.toolArguments()).containsExactly(
                Map.entry(0, "{\"city\": \"Paris\", \"unit\": \"°C\"}"), Map.entry(1, "{\"tz\":\"Europe/Paris\"}"));
        assertThat(answer.finishReason()).isEqualTo("tool_calls");
        assertThat(answer.usage().cachedTokens()).isEqualTo(2000);
        assertThat(chunks).extracting(ChatChunk::id).containsOnly("msg_01TLS");
        assertThat(chunks).extracting(ChatChunk::created).containsOnly(1_700_000_000L);
        upstream.verify(messagesRequested()
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson("{\"stream\":true}", true, true)));
    }

    @Test
    void refusedRequestNeverReachesTheUpstream() {
        StepVerifier.create(adapter.streamChat(endpoint, request(
                        "{\"model\":\"c\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")))
                .expectErrorSatisfies(failure -> {
                    assertThat(((ProviderException) failure).type()).isEqualTo(ErrorType.UNSUPPORTED);
                    assertThat(((ProviderException) failure).param()).isEqualTo("n");
                })
                .verify(WAIT);

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    static ChatRequest request(String json) {
        return WireJson.mapper().readValue(json, ChatRequest.class);
    }
}
