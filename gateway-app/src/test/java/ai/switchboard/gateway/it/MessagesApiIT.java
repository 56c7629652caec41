package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ai.switchboard.gateway.it.flavour.ProviderFlavour;
import ai.switchboard.gateway.it.flavour.ProviderFlavours;
import ai.switchboard.providers.anthropic.AnthropicWireFixture;
import ai.switchboard.providers.testsupport.kit.OpenAiWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import ai.switchboard.registry.testsupport.TestDatabase;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic's Messages API served by the running gateway, driven by Anthropic's official Java SDK as a user writes
 * it: against an upstream of every provider type (Anthropic's passed through natively, OpenAI, Azure OpenAI, Gemini,
 * Cohere and Bedrock translated through the canonical model), the same answers, streams, tool round trips, token
 * counts and typed errors; failover before a stream's first content invisible to the client, a failure after it an error event;
 * keys in {@code x-api-key} on these routes only.
 */
class MessagesApiIT extends GatewayIT {

    private static final UpstreamUsage USAGE = new UpstreamUsage(30, 7, 0);
    private static final String CALL_ID = "toolu_e2e_weather";
    private static final String TOOL_RESULT = "{\"temperature_c\":21}";

    /** Every provider type the gateway serves: Anthropic's passed through, all the others translated. */
    static Stream<ProviderFlavour> flavours() {
        return ProviderFlavours.all().stream();
    }

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

    @Test
    void composingPoliciesServeMessagesAndSeeTheTranslatedConversation() {
        String prefix = unique("msg-policies");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-cheap", prefix + "-p", "cheap-model", "chat", "streaming");
        fixtures.model(prefix + "-strong", prefix + "-p", "strong-model", "chat", "streaming");
        fixtures.model(prefix + "-twin", prefix + "-p", "strong-model", "chat", "streaming");
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-cascade", "policy", "cascade",
                "config", Map.of("steps", List.of(prefix + "-cheap", prefix + "-strong"))));
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-ensemble", "policy", "ensemble",
                "config", Map.of("members", List.of(prefix + "-strong", prefix + "-twin"), "combiner", "majority")));
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-router", "policy", "router", "config", Map.of(
                "rules", List.of(Map.of("name", "code", "when", Map.of("keywords", List.of("stack trace")),
                        "target", prefix + "-strong")),
                "default", prefix + "-cheap")));
        AnthropicClient client = client(fixtures.key(prefix + "-k", prefix + "-cascade", prefix + "-ensemble",
                prefix + "-router"));
        // The cheap model runs out of tokens, so the cascade must escalate to the strong one.
        UPSTREAM.stubFor(post(urlPathEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("cheap-model"))
                .willReturn(okForContentType("application/json", UpstreamBodies.chatCompletion("cheap-model", "trunc")
                        .replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\""))));
        UPSTREAM.stubFor(post(urlPathEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(5)
                .willReturn(okForContentType("application/json",
                        UpstreamBodies.chatCompletion("strong-model", "complete"))));

        Message cascaded = client.messages().create(params(prefix + "-cascade").build());
        // An ensemble's answer is settled whole and then replayed as Anthropic's stream.
        List<String> types = new ArrayList<>();
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages()
                .createStreaming(params(prefix + "-ensemble").build())) {
            stream.stream().forEach(event -> {
                types.add(type(event));
                accumulator.accumulate(event);
            });
        }
        var routed = client.messages().withRawResponse().create(MessageCreateParams.builder()
                .model(prefix + "-router").maxTokens(100).system("You help with code.")
                .addUserMessage("Why does this stack trace mention a NullPointerException?").build());

        assertThat(cascaded.content().getFirst().asText().text()).isEqualTo("complete");
        assertThat(cascaded.stopReason()).contains(StopReason.END_TURN);
        assertThat(accumulator.message().content().getFirst().asText().text()).isEqualTo("complete");
        assertThat(accumulator.message().stopReason()).contains(StopReason.END_TURN);
        assertThat(types).first().isEqualTo("message_start");
        assertThat(types).last().isEqualTo("message_stop");
        assertThat(routed.headers().values("x-switchboard-model")).containsExactly(prefix + "-strong");
        assertThat(routed.parse().content().getFirst().asText().text()).isEqualTo("complete");
        client.close();
    }

    @Test
    void aKeyMayNotUseAModelOutsideItsAllowedModelsAndItsErrorIsAnthropics() {
        Gateway gateway = register(flavour("openai"));
        String other = gateway.prefix() + "-other";
        fixtures.model(other, gateway.prefix() + "-p", "gpt-4o", "chat", "streaming");

        http.post().uri("/v1/messages").header("x-api-key", gateway.key())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("model", other, "max_tokens", 10, "messages",
                        List.of(Map.of("role", "user", "content", "hi"))))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().exists("x-request-id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("error")
                .jsonPath("$.error.type").isEqualTo("not_found_error")
                .jsonPath("$.request_id").exists();
    }

    @Test
    void anXApiKeyIsAcceptedOnTheMessagesRoutesOnly() {
        Gateway gateway = register(flavour("openai"));
        UPSTREAM.stubFor(call(flavour("openai"), gateway.prefix(), false).willReturn(flavour("openai").chatResponse(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hi"))));
        Map<String, Object> body = Map.of("model", gateway.model(), "max_tokens", 10, "messages",
                List.of(Map.of("role", "user", "content", "hi")), "tools", List.of(
                        Map.of("type", "web_search_20250305", "name", "web_search"),
                        Map.of("name", "get_weather", "input_schema", Map.of("type", "object"))));

        http.post().uri("/v1/messages?beta=true").header("x-api-key", gateway.key())
                .header("anthropic-version", "2023-06-01")
                .header("anthropic-beta", "some-unknown-beta-2099-01-01,another-one")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", gateway.model())
                // Only Anthropic runs its own web search: left out for an OpenAI upstream, and the client told so.
                .expectHeader().valueEquals("x-switchboard-dropped-tools", "web_search")
                .expectBody().jsonPath("$.content[0].text").isEqualTo("Hi");
        assertThat(new SentRequest(sent(gateway).getFirst()).json().path("tools")).hasSize(1);
        http.post().uri("/v1/messages/count_tokens").header("x-api-key", gateway.key())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("model", gateway.model(), "messages", List.of(Map.of("role", "user",
                        "content", "hi")))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.input_tokens").isNumber();
        http.post().uri("/v1/messages").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("error")
                .jsonPath("$.error.type").isEqualTo("authentication_error");
        // Not widened: the OpenAI routes still take a key as a bearer token only, and answer in OpenAI's shape.
        http.post().uri("/v1/chat/completions").header("x-api-key", gateway.key())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("model", gateway.model(), "messages", List.of(Map.of("role", "user",
                        "content", "hi")))).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error").jsonPath("$.type")
                .doesNotExist();
        http.get().uri("/v1/messages").header("x-api-key", gateway.key()).exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error")
                .jsonPath("$.type").isEqualTo("error");
    }

    @Test
    void anAnthropicUpstreamGetsTheRequestAsSentWithTheClientsBetas() {
        ProviderFlavour anthropic = flavour("anthropic");
        Gateway gateway = register(anthropic);
        UPSTREAM.stubFor(call(anthropic, gateway.prefix(), false).willReturn(anthropic.chatResponse(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hi"))));
        String request = """
                {"model":"%s","max_tokens":32000,"system":[{"type":"text","text":"You are Claude Code.",
                 "cache_control":{"type":"ephemeral"}}],"messages":[{"role":"user","content":"hi"}],
                 "thinking":{"type":"adaptive","display":"omitted"},"context_management":{"edits":[]},
                 "output_config":{"effort":"high"},"metadata":{"user_id":"{\\"device\\":\\"d1\\"}"},
                 "tools":[{"type":"web_search_20250305","name":"web_search"}],
                 "some_future_field":{"x":1}}""".formatted(gateway.model());

        http.post().uri("/v1/messages?beta=true").header("x-api-key", gateway.key())
                .header("anthropic-version", "2023-06-01")
                .header("anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14,made-up-beta")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("x-switchboard-dropped-tools")
                .expectBody().jsonPath("$.content[0].text").isEqualTo("Hi");

        LoggedRequest sent = sent(gateway).getFirst();
        assertThat(sent.getHeader("anthropic-beta"))
                .isEqualTo("claude-code-20250219,interleaved-thinking-2025-05-14,made-up-beta");
        assertThat(sent.getHeader("x-api-key")).isEqualTo(anthropic.apiKey());
        JsonNode body = new SentRequest(sent).json();
        assertThat(body.path("model").asString()).isEqualTo(anthropic.upstreamModel());
        assertThat(body.path("some_future_field").path("x").asInt()).isEqualTo(1);
        assertThat(body.at("/context_management/edits").isArray()).isTrue();
        assertThat(body.at("/thinking/display").asString()).isEqualTo("omitted");
        assertThat(body.at("/system/0/cache_control/type").asString()).isEqualTo("ephemeral");
        assertThat(body.at("/tools/0/type").asString()).isEqualTo("web_search_20250305");
    }

    @Test
    void aRouteServesMessagesAndFailsOverBeforeContentInvisiblyAcrossProviderKinds() {
        ProviderFlavour anthropic = flavour("anthropic");
        ProviderFlavour openAi = flavour("openai");
        Gateway first = register(anthropic);
        Gateway second = register(openAi);
        String route = first.prefix() + "-route";
        fixtures.post("/admin/v1/routes", Map.of("name", route, "policy", "fallback",
                "config", Map.of("targets", List.of(first.model(), second.model()))));
        String key = fixtures.key(route + "-k", route);
        // The Anthropic upstream opens its stream (message_start, ping, an empty text block) and breaks off.
        StreamTranscript opened = anthropic.streamTranscript(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "lost"));
        UPSTREAM.stubFor(call(anthropic, first.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", opened.contentType()).withBody(frames(opened, 3))));
        StreamTranscript answer = openAi.streamTranscript(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Bon", "jour"));
        UPSTREAM.stubFor(call(openAi, second.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", answer.contentType()).withBody(answer.body())));

        List<String> types = new ArrayList<>();
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client(key).messages()
                .createStreaming(params(route).build())) {
            stream.stream().forEach(event -> {
                types.add(type(event));
                accumulator.accumulate(event);
            });
        }

        assertThat(accumulator.message().content().getFirst().asText().text()).isEqualTo("Bonjour");
        assertThat(types).filteredOn("message_start"::equals).hasSize(1);
        assertThat(types).last().isEqualTo("message_stop");
        assertThat(sent(first)).as("calls to the broken upstream").isNotEmpty();
        assertThat(sent(second)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavoursWithOpeningFrames")
    void aStreamThatFailsAfterContentEndsWithAnErrorEventNeverACleanStop(ProviderFlavour flavour, int opening) {
        Gateway gateway = register(flavour);
        StreamTranscript transcript = flavour.streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Par", "is is", " lovely"));
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", transcript.contentType()).withBody(frames(transcript, opening + 1))));

        List<RawMessageStreamEvent> seen = new ArrayList<>();
        Throwable failure;
        try (StreamResponse<RawMessageStreamEvent> stream = gateway.client().messages()
                .createStreaming(params(gateway.model()).build())) {
            failure = catchThrowable(() -> stream.stream().forEach(seen::add));
        }

        assertThat(seen).isNotEmpty().noneMatch(RawMessageStreamEvent::isMessageStop);
        assertThat(seen).anyMatch(event -> event.isContentBlockDelta()
                && event.asContentBlockDelta().delta().asText().text().equals("Par"));
        assertThat(failure).isInstanceOf(AnthropicServiceException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavoursWithOpeningFrames")
    void aStreamThatFailsBeforeContentIsAnHttpErrorNotAnEmptyStream(ProviderFlavour flavour, int opening) {
        Gateway gateway = register(flavour);
        StreamTranscript transcript = flavour.streamTranscript(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "x"));
        UPSTREAM.stubFor(call(flavour, gateway.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", transcript.contentType()).withBody(frames(transcript, opening))));

        Throwable failure = catchThrowable(() -> {
            try (StreamResponse<RawMessageStreamEvent> stream = gateway.client().messages()
                    .createStreaming(params(gateway.model()).build())) {
                stream.stream().forEach(event -> { });
            }
        });

        assertThat(failure).isInstanceOf(AnthropicServiceException.class);
        assertThat(((AnthropicServiceException) failure).statusCode()).isGreaterThanOrEqualTo(500);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> flavoursWithOpeningFrames() {
        // Frames before the first content: OpenAI's role chunk; Anthropic's message_start, ping and empty text block.
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of(flavour("openai"), 1),
                org.junit.jupiter.params.provider.Arguments.of(flavour("anthropic"), 3));
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

    private Gateway register(ProviderFlavour flavour) {
        String prefix = unique("msg-" + flavour.type());
        fixtures.provider(Map.of("name", prefix + "-p", "type", flavour.type(),
                "base_url", flavour.baseUrl(UPSTREAM.baseUrl(), prefix), "api_key", flavour.apiKey(),
                "settings", flavour.settings()));
        fixtures.model(prefix + "-m", prefix + "-p", flavour.upstreamModel(), "chat", "streaming", "tools");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        return new Gateway(prefix, prefix + "-m", key, client(key));
    }

    private AnthropicClient client(String key) {
        return AnthropicOkHttpClient.builder().baseUrl("http://localhost:" + port).apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    /**
     * The native call under {@code prefix}; an Anthropic upstream is matched on its path alone, since a passed-through
     * call carries the client's own {@code anthropic-version}.
     */
    private static MappingBuilder call(ProviderFlavour flavour, String prefix, boolean stream) {
        if (!flavour.type().equals("anthropic")) {
            return flavour.chatCall(prefix, stream);
        }
        MappingBuilder call = post(urlPathEqualTo("/" + prefix + "/v1/messages"))
                .withHeader("x-api-key", equalTo(flavour.apiKey()));
        return stream ? call.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : call.withRequestBody(notContaining("\"stream\":true"));
    }

    private static List<LoggedRequest> sent(Gateway gateway) {
        return UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + gateway.prefix() + "/.*")));
    }

    private static ProviderFlavour flavour(String type) {
        return ProviderFlavours.all().stream().filter(flavour -> flavour.type().equals(type)).findFirst()
                .orElseThrow();
    }

    private static byte[] frames(StreamTranscript transcript, int count) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        transcript.frames().subList(0, count).forEach(body::writeBytes);
        return body.toByteArray();
    }

    private static MessageCreateParams.Builder params(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(1024).addUserMessage("Hi");
    }

    private static Tool weatherTool() {
        return Tool.builder().name("get_weather").description("Current weather in a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string"))).build())
                        .required(List.of("city")).build())
                .build();
    }

    private static String type(RawMessageStreamEvent event) {
        return event.isMessageStart() ? "message_start" : event.isContentBlockStart() ? "content_block_start"
                : event.isContentBlockDelta() ? "content_block_delta" : event.isContentBlockStop()
                ? "content_block_stop" : event.isMessageDelta() ? "message_delta" : "message_stop";
    }

    private record Gateway(String prefix, String model, String key, AnthropicClient client) {
    }
}
