package ai.switchboard.gateway.api.messages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.TokenCount;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;

/**
 * Anthropic's official Java SDK, as a user writes it, against exactly the bytes the gateway writes (served over real
 * HTTP): answers, streams through the SDK's own SSE reader and accumulator, token counts, and errors that must come
 * out as the SDK's typed exceptions. Also records what the SDK sends, which the gateway's authentication must accept.
 */
class MessagesSdkIT {

    private static final String KEY = "sk-sb-test-0123456789";
    private static final ReplyOptions OPTIONS = new ReplyOptions(List.of(), true);

    private static WireMockServer server;
    private static AnthropicClient client;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        client = AnthropicOkHttpClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0).build();
    }

    @AfterEach
    void reset() {
        server.resetAll();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.stop();
    }

    @Test
    void answerIsTheSdksMessageAndTheSdkAuthenticatesWithABearerToken() {
        serve(200, WireJson.mapper().writeValueAsString(ChatToMessages.translate(ChatToMessagesTests.chat("""
                {"id":"chatcmpl-9","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,
                 "finish_reason":"tool_calls","message":{"role":"assistant","content":"Checking.","tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}}],
                 "usage":{"prompt_tokens":20,"completion_tokens":9,"total_tokens":29}}"""), OPTIONS)));

        Message message = client.messages().create(params());

        assertThat(message.content()).hasSize(2);
        assertThat(message.content().get(1).asToolUse().name()).isEqualTo("get_weather");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.usage().inputTokens()).isEqualTo(20);
        // SDK 3.16 sends its API key as a bearer token (Claude Code sends x-api-key), and an API version newer
        // than the 2023-06-01 most clients send: authentication must take both headers, and versions pass through.
        server.verify(postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("anthropic-version", matching("\\d{4}-\\d{2}-\\d{2}")));
    }

    @Test
    void streamIsReadByTheSdksOwnEventReaderAndAccumulator() {
        serveStream(MessagesStreams.translate(chunks(
                "{\"role\":\"assistant\",\"content\":\"\"}", "{\"reasoning_content\":\"Hmm.\"}",
                "{\"content\":\"It is \"}", "{\"content\":\"sunny.\"}",
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"get_time\",\"arguments\":\"\"}}]}"), OPTIONS));

        MessageAccumulator accumulator = MessageAccumulator.create();
        List<String> types = new ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params())) {
            stream.stream().forEach(event -> {
                types.add(event.isMessageStart() ? "message_start" : event.isContentBlockStart()
                        ? "content_block_start" : event.isContentBlockDelta() ? "content_block_delta"
                        : event.isContentBlockStop() ? "content_block_stop" : event.isMessageDelta()
                        ? "message_delta" : "message_stop");
                accumulator.accumulate(event);
            });
        }

        Message message = accumulator.message();
        assertThat(types).first().isEqualTo("message_start");
        assertThat(types).last().isEqualTo("message_stop");
        assertThat(message.content()).hasSize(3);
        assertThat(message.content().get(0).asThinking().thinking()).isEqualTo("Hmm.");
        assertThat(message.content().get(1).asText().text()).isEqualTo("It is sunny.");
        assertThat(message.content().get(2).asToolUse().id()).isEqualTo("call_7");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    }

    @Test
    void aStreamThatFailsAfterContentRaisesInTheSdkInsteadOfEndingCleanly() {
        serveStream(MessagesStreams.translate(chunks("{\"content\":\"Par\"}")
                .concatWith(Flux.error(ProviderException.of(ErrorType.UPSTREAM_UNAVAILABLE, "Overloaded"))),
                OPTIONS));

        List<RawMessageStreamEvent> seen = new ArrayList<>();
        Throwable failure;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params())) {
            failure = catchThrowable(() -> stream.stream().forEach(seen::add));
        }

        assertThat(seen).isNotEmpty().noneMatch(RawMessageStreamEvent::isMessageStop);
        assertThat(failure).isInstanceOf(AnthropicServiceException.class).hasMessageContaining("Overloaded");
    }

    @Test
    void tokenCountIsTheSdksCount() {
        serve(200, WireJson.mapper().writeValueAsString(new TokenCount(1234)));

        long tokens = client.messages().countTokens(MessageCountTokensParams.builder().model("claude-x")
                .addUserMessage("hi").build()).inputTokens();

        assertThat(tokens).isEqualTo(1234);
        server.verify(postRequestedFor(urlPathEqualTo("/v1/messages/count_tokens")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "INVALID_REQUEST, com.anthropic.errors.BadRequestException",
        "AUTHENTICATION, com.anthropic.errors.UnauthorizedException",
        "PERMISSION, com.anthropic.errors.PermissionDeniedException",
        "NOT_FOUND, com.anthropic.errors.NotFoundException",
        "RATE_LIMITED, com.anthropic.errors.RateLimitException",
        "UPSTREAM_SERVER_ERROR, com.anthropic.errors.InternalServerException",
        "REQUEST_TOO_LARGE, com.anthropic.errors.ContentTooLargeException",
        "UPSTREAM_UNAVAILABLE, com.anthropic.errors.OverloadedException",
        "TIMEOUT, com.anthropic.errors.GatewayTimeoutException",
    })
    void errorsAreTheSdksTypedExceptions(ErrorType type, Class<? extends Throwable> expected) {
        MessagesError error = MessagesError.of(ProviderException.of(type, "refused: " + type), 1024, "req-1");
        serve(error.status(), WireJson.mapper().writeValueAsString(error.body()));

        Throwable failure = catchThrowable(() -> client.messages().create(params()));

        assertThat(failure).isInstanceOf(expected).hasMessageContaining("refused: " + type);
        assertThat(((AnthropicServiceException) failure).statusCode()).isEqualTo(error.status());
    }

    private static MessageCreateParams params() {
        return MessageCreateParams.builder().model("claude-sonnet-4-6").maxTokens(1024).addUserMessage("hi").build();
    }

    private static Flux<ChatChunk> chunks(String... deltas) {
        List<ChatChunk> chunks = new ArrayList<>();
        for (String delta : deltas) {
            chunks.add(MessagesStreamTranslatorTests.chunk(MessagesStreamTranslatorTests.delta(delta)));
        }
        return Flux.fromIterable(chunks);
    }

    private static void serve(int status, String json) {
        server.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(json)));
        server.stubFor(post(urlPathEqualTo("/v1/messages/count_tokens")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    /** Serves exactly what the gateway's stream writer produces for {@code events}. */
    private static void serveStream(Flux<MessagesEvent> events) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        MessagesEventStreams.body(events, 1024, "req-1", null).insert(response, MessagesStreamsTests.context())
                .block();
        server.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(response.getBodyAsString().block())));
    }
}
