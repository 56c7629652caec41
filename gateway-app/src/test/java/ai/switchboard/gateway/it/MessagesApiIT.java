package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ai.switchboard.gateway.it.flavour.ProviderFlavour;
import ai.switchboard.providers.anthropic.AnthropicWireFixture;
import ai.switchboard.providers.testsupport.kit.OpenAiWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import ai.switchboard.registry.testsupport.TestDatabase;
import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic's Messages API served by the running gateway, driven by Anthropic's official Java SDK as a user writes
 * it, against an upstream of every provider type (Anthropic's passed through natively, OpenAI, Azure OpenAI, Gemini,
 * Cohere and Bedrock translated through the canonical model): the same answers, streams (Anthropic's events in order,
 * with {@code ping}), tool round trips, token counts and typed errors, and the ledger naming the operation.
 */
class MessagesApiIT extends MessagesGatewayIT {

    private static final String CALL_ID = "toolu_e2e_weather";
    private static final String TOOL_RESULT = "{\"temperature_c\":21}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void answerIsTheSdksMessage(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), false).willReturn(flavour.chatResponse(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hello", " from ", flavour.type()))));

        Message message = gateway.client().messages().create(params(gateway.model()).build());

        assertThat(message.content()).hasSize(1);
        assertThat(message.content().getFirst().asText().text()).isEqualTo("Hello from " + flavour.type());
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(USAGE.uncachedPromptTokens());
        assertThat(message.usage().outputTokens()).isEqualTo(USAGE.completionTokens());
        assertThat(sent(gateway)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void streamIsReadByTheSdksAccumulatorInAnthropicsOrder(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        StreamTranscript transcript = flavour.streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hel", "lo", " there"));
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", transcript.contentType()).withBody(transcript.body())));

        List<String> types = new ArrayList<>();
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = gateway.client().messages()
                .createStreaming(params(gateway.model()).build())) {
            stream.stream().forEach(event -> {
                types.add(type(event));
                accumulator.accumulate(event);
            });
        }

        Message message = accumulator.message();
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().getFirst().asText().text()).isEqualTo("Hello there");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo(USAGE.completionTokens());
        assertThat(types).first().isEqualTo("message_start");
        assertThat(types).containsSubsequence("content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        assertThat(types).last().isEqualTo("message_stop");
        assertThat(types).filteredOn("message_start"::equals).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void theWireHasAnthropicsEventsInOrderWithPingAndTheLedgerNamesTheOperation(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        StreamTranscript transcript = flavour.streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hel", "lo"));
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", transcript.contentType()).withBody(transcript.body())));

        var result = http.post().uri("/v1/messages?beta=true").header("x-api-key", gateway.key())
                .header("anthropic-version", "2023-06-01").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("model", gateway.model(), "max_tokens", 100, "stream", true,
                        "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectHeader().valueEquals("x-switchboard-model", gateway.model())
                .expectBody(String.class).returnResult();

        List<String> events = Pattern.compile("(?m)^event: (\\w+)$").matcher(result.getResponseBody()).results()
                .map(match -> match.group(1)).toList();
        assertThat(events).first().isEqualTo("message_start");
        assertThat(events).containsSubsequence("message_start", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(events).contains("ping").last().isEqualTo("message_stop");
        assertThat(result.getResponseBody()).doesNotContain("[DONE]");
        String requestId = result.getResponseHeaders().getFirst("x-request-id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ledgerRow(requestId))
                .containsEntry("operation", "messages")
                .containsEntry("model", gateway.model())
                .containsEntry("input_tokens", (long) USAGE.promptTokens())
                .containsEntry("output_tokens", (long) USAGE.completionTokens()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void toolUseRoundTrip(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), false).inScenario(gateway.prefix())
                .whenScenarioStateIs(STARTED).willSetStateTo("tool-called")
                .willReturn(flavour.chatResponse(UpstreamReply.tools(USAGE, List.of(),
                        new UpstreamToolCall(CALL_ID, "get_weather", List.of("{\"city\":", "\"Paris\"}"))))));
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), false).inScenario(gateway.prefix())
                .whenScenarioStateIs("tool-called")
                .willReturn(flavour.chatResponse(
                        UpstreamReply.text(UpstreamFinish.STOP, USAGE, "It is 21 degrees in Paris."))));
        MessageCreateParams.Builder conversation = MessageCreateParams.builder().model(gateway.model())
                .maxTokens(1024).addUserMessage("What is the weather in Paris?").addTool(weatherTool());

        Message first = gateway.client().messages().create(conversation.build());

        assertThat(first.stopReason()).contains(StopReason.TOOL_USE);
        ToolUseBlock toolUse = first.content().stream().filter(block -> block.isToolUse()).findFirst().orElseThrow()
                .asToolUse();
        assertThat(toolUse.name()).isEqualTo("get_weather");
        assertThat((Map<?, ?>) toolUse._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));
        String callId = toolUse.id();

        conversation.addMessage(first).addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                ToolResultBlockParam.builder().toolUseId(callId).content(TOOL_RESULT).build())));
        Message second = gateway.client().messages().create(conversation.build());

        assertThat(second.content().getFirst().asText().text()).isEqualTo("It is 21 degrees in Paris.");
        List<LoggedRequest> sent = sent(gateway);
        assertThat(sent).as("upstream calls").hasSize(2);
        flavour.verifyToolResult(new SentRequest(sent.getLast()), callId, TOOL_RESULT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void countTokensIsTheProvidersOwnCountOrTheGatewaysEstimate(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        UPSTREAM.stubFor(post(urlPathEqualTo("/" + gateway.prefix() + "/v1/messages/count_tokens"))
                .willReturn(okForContentType("application/json", "{\"input_tokens\":4242}")));

        long tokens = gateway.client().messages().countTokens(MessageCountTokensParams.builder()
                .model(gateway.model()).system("Be brief.").addUserMessage("What is the weather in Paris today?")
                .build()).inputTokens();

        if (flavour.type().equals("anthropic")) {
            assertThat(tokens).isEqualTo(4242);
            JsonNode body = new SentRequest(sent(gateway).getFirst()).json();
            assertThat(body.path("model").asString()).isEqualTo(flavour.upstreamModel());
            assertThat(body.has("max_tokens")).isFalse();
        } else {
            // o200k_base: 3 for the request, 3 for "Be brief.", 4 + 8 for the message.
            assertThat(tokens).isBetween(15L, 22L);
            assertThat(sent(gateway)).as("no upstream call for an estimate").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void gatewayRefusalsAreTheSdksTypedExceptions(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        AnthropicClient wrongKey = client("sk-sb-not-a-key-0000000000");

        Throwable unauthenticated = catchThrowable(() -> wrongKey.messages().create(params(gateway.model()).build()));
        Throwable unknownModel = catchThrowable(() -> gateway.client().messages()
                .create(params(gateway.prefix() + "-nope").build()));
        Throwable badInput = catchThrowable(() -> gateway.client().messages()
                .create(params(gateway.model()).putAdditionalBodyProperty("temperature", JsonValue.from(3.5)).build()));

        assertThat(unauthenticated).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("x-api-key");
        assertThat(unknownModel).isInstanceOf(NotFoundException.class).hasMessageContaining(gateway.prefix() + "-nope");
        assertThat(badInput).isInstanceOf(BadRequestException.class).hasMessageContaining("temperature");
        assertThat(sent(gateway)).as("upstream calls").isEmpty();
        wrongKey.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavoursWithOpeningFrames")
    void anUpstreamRefusalIsTheSdksBadRequestWithTheUpstreamsMessage(ProviderFlavour flavour, int opening) {
        Gateway gateway = register(flavour);
        String body = flavour.type().equals("anthropic")
                ? AnthropicWireFixture.errorBody(400, "prompt is too long: 300000 tokens > 200000 maximum")
                : OpenAiWireFixture.errorBody("prompt is too long: 300000 tokens > 200000 maximum",
                        "invalid_request_error", null);
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), false).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(body)));

        Throwable refused = catchThrowable(() -> gateway.client().messages().create(params(gateway.model()).build()));

        assertThat(refused).isInstanceOf(BadRequestException.class).hasMessageContaining("prompt is too long");
        assertThat(sent(gateway)).as("a refusal is not retried").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavoursWithOpeningFrames")
    void anUpstreamThatStaysRateLimitedIsTheSdksRateLimitExceptionWithRetryAfter(ProviderFlavour flavour,
            int opening) {
        Gateway gateway = register(flavour);
        String body = flavour.type().equals("anthropic")
                ? AnthropicWireFixture.errorBody(429, "Number of request tokens has exceeded your rate limit")
                : OpenAiWireFixture.errorBody("Rate limit reached for requests", "requests", "rate_limit_exceeded");
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), false).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "1").withBody(body)));

        Throwable limited = catchThrowable(() -> gateway.client().messages().create(params(gateway.model()).build()));

        assertThat(limited).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) limited).headers().values("retry-after")).containsExactly("1");
        assertThat(sent(gateway)).as("retried after Retry-After, then given up").hasSizeGreaterThan(1);
    }

    private static Map<String, Object> ledgerRow(String requestId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(),
                TestDatabase.password());
                PreparedStatement query = connection.prepareStatement("SELECT operation, model, input_tokens,"
                        + " output_tokens FROM usage_ledger WHERE request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Map.of();
                }
                return Map.of("operation", row.getString(1), "model", row.getString(2),
                        "input_tokens", row.getLong(3), "output_tokens", row.getLong(4));
            }
        }
    }
}
