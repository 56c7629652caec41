package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.switchboard.gateway.it.flavour.ProviderFlavour;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/messages} through routes and keys: composing policies, a key's {@code allowed_models}, keys in
 * {@code x-api-key} on these routes only, Anthropic upstreams getting the request as sent, and the stream commit
 * rule: failover before content invisible to the client (even across provider kinds), a failure after content an
 * {@code error} event, never a clean {@code message_stop}.
 */
class MessagesRoutingIT extends MessagesGatewayIT {

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
        StreamTranscript answer = openAi.streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Bon", "jour"));
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
}
