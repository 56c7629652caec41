package ai.switchboard.gateway.it;

import static ai.switchboard.gateway.it.ResponsesSdk.client;
import static ai.switchboard.gateway.it.ResponsesSdk.text;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.gateway.it.flavour.ProviderFlavour;
import ai.switchboard.gateway.it.flavour.ProviderFlavours;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/responses} through the gateway with the official OpenAI Java SDK's {@code responses()} as a user writes
 * it, once per provider type: an answer, a stream, and a function-call round trip continued with
 * {@code previous_response_id}; then stored responses (read, input items, delete, owner only) and the stream's
 * commit rule across a failover. The native pass-through to OpenAI and Azure is {@link ResponsesNativeIT}.
 */
class ResponsesApiIT extends GatewayIT {

    private static final UpstreamUsage USAGE = new UpstreamUsage(30, 7, 12);
    private static final String CALL_ID = "call_resp_weather";

    /** Provider types whose deployments get a Responses request translated through the canonical chat model. */
    static List<ProviderFlavour> flavours() {
        return ProviderFlavours.all().stream()
                .filter(flavour -> !NATIVE_TYPES.contains(flavour.type())).toList();
    }

    /** OpenAI itself and Azure OpenAI speak the Responses API: a request for one of their models passes through. */
    static final java.util.Set<String> NATIVE_TYPES = java.util.Set.of("openai", "azure-openai");

    @Test
    void everyProviderTypeIsServedNativelyOrTranslated() {
        assertThat(ProviderFlavours.all()).extracting(ProviderFlavour::type).containsAll(NATIVE_TYPES);
        assertThat(flavours()).hasSize(ProviderFlavours.all().size() - NATIVE_TYPES.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void create(ProviderFlavour flavour) {
        ResponsesSdk.Gateway gateway = register(flavour);
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), false).willReturn(flavour.chatResponse(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hello", " from ", flavour.type()))));

        Response response = gateway.client().responses().create(ResponseCreateParams.builder()
                .model(gateway.model()).instructions("Be brief.").input("Hi").build());

        assertThat(response.status()).hasValue(ResponseStatus.COMPLETED);
        assertThat(text(response)).isEqualTo("Hello from " + flavour.type());
        assertThat(response.usage().orElseThrow().inputTokens()).isEqualTo(USAGE.promptTokens());
        assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(USAGE.completionTokens());
        assertThat(response.id()).startsWith("resp_");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void stream(ProviderFlavour flavour) {
        ResponsesSdk.Gateway gateway = register(flavour);
        StreamTranscript transcript = flavour.streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hel", "lo", " there"));
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", transcript.contentType()).withBody(transcript.body())));

        List<ResponseStreamEvent> events;
        try (StreamResponse<ResponseStreamEvent> stream = gateway.client().responses().createStreaming(
                ResponseCreateParams.builder().model(gateway.model()).input("Hi").build())) {
            events = stream.stream().toList();
        }

        assertThat(events.getFirst().isCreated()).isTrue();
        assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                .map(event -> event.asOutputTextDelta().delta()).collect(Collectors.joining())).isEqualTo("Hello there");
        assertThat(events.getLast().isCompleted()).isTrue();
        Response completed = events.getLast().asCompleted().response();
        assertThat(text(completed)).isEqualTo("Hello there");
        assertThat(completed.usage().orElseThrow().outputTokens()).isEqualTo(USAGE.completionTokens());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void functionCallRoundTripContinuedByPreviousResponseId(ProviderFlavour flavour) {
        ResponsesSdk.Gateway gateway = register(flavour);
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), false).inScenario(gateway.prefix())
                .whenScenarioStateIs(STARTED).willSetStateTo("called")
                .willReturn(flavour.chatResponse(UpstreamReply.tools(USAGE, List.of(),
                        new UpstreamToolCall(CALL_ID, "get_weather", List.of("{\"city\":", "\"Paris\"}"))))));
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), false).inScenario(gateway.prefix())
                .whenScenarioStateIs("called")
                .willReturn(flavour.chatResponse(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "21 degrees."))));

        Response first = gateway.client().responses().create(ResponseCreateParams.builder()
                .model(gateway.model()).input("Weather in Paris?").addTool(weatherTool()).build());

        ResponseFunctionToolCall call = first.output().stream().filter(ResponseOutputItem::isFunctionCall)
                .map(ResponseOutputItem::asFunctionCall).findFirst().orElseThrow();
        assertThat(call.callId()).isEqualTo(CALL_ID);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");

        Response second = gateway.client().responses().create(ResponseCreateParams.builder()
                .model(gateway.model()).previousResponseId(first.id()).addTool(weatherTool())
                .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput
                        .builder().callId(call.callId()).output("{\"temperature_c\":21}").build())))
                .build());

        assertThat(text(second)).isEqualTo("21 degrees.");
        assertThat(second.previousResponseId()).hasValue(first.id());
        List<LoggedRequest> sent = UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + gateway.prefix() + "/.*")));
        assertThat(sent).hasSize(2);
        flavour.verifyToolResult(new SentRequest(sent.getLast()), CALL_ID, "{\"temperature_c\":21}");
    }

    @Test
    void aStoredResponseIsReadListedAndDeletedByItsOwnerOnly() {
        ResponsesSdk.Gateway gateway = registerCompatible();
        UPSTREAM.stubFor(post(urlEqualTo("/" + gateway.prefix() + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "Kept"))));
        Response created = gateway.client().responses().create(ResponseCreateParams.builder()
                .model(gateway.model()).input("Remember me").build());
        OpenAIClient stranger = client(port, fixtures.key(unique("stranger"), gateway.model()));

        assertThat(text(gateway.client().responses().retrieve(created.id()))).isEqualTo("Kept");
        JsonNode items = http.get().uri("/v1/responses/" + created.id() + "/input_items")
                .header("Authorization", "Bearer " + gateway.key()).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(items.path("object").asString()).isEqualTo("list");
        assertThat(items.path("data").get(0).toString()).contains("Remember me");
        assertThatThrownBy(() -> stranger.responses().retrieve(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.responses().delete(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.responses().create(ResponseCreateParams.builder().model(gateway.model())
                .previousResponseId(created.id()).input("Continue").build())).isInstanceOf(NotFoundException.class);

        gateway.client().responses().delete(created.id());

        assertThatThrownBy(() -> gateway.client().responses().retrieve(created.id()))
                .isInstanceOf(NotFoundException.class);
        http.get().uri("/v1/responses/" + created.id() + "/input_items?limit=0")
                .header("Authorization", "Bearer " + gateway.key()).exchange().expectStatus().isBadRequest();
    }

    @Test
    void aStreamThatBreaksBeforeContentFailsOverInvisiblyAndOneThatBreaksAfterEndsFailed() {
        String prefix = unique("resp-failover");
        // Compatible servers (translated path): the second half calls one model directly.
        fixtures.provider(Map.of("name", prefix + "-bad-p", "type", "openai", "base_url", upstreamBase(prefix + "-bad"),
                "settings", Map.of("profile", "vllm")));
        fixtures.provider(Map.of("name", prefix + "-good-p", "type", "openai",
                "base_url", upstreamBase(prefix + "-good"), "settings", Map.of("profile", "vllm")));
        fixtures.model(prefix + "-bad", prefix + "-bad-p", "m", "chat", "streaming");
        fixtures.model(prefix + "-good", prefix + "-good-p", "m", "chat", "streaming");
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-r", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-bad", prefix + "-good"))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-bad/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(UpstreamBodies.sse(List.of(UpstreamBodies.roleChunk("m"), "{not json"), true))));
        stubStreamedAnswer(prefix + "-good", "Rescued");
        OpenAIClient client = client(port, fixtures.key(prefix + "-k", prefix + "-r"));

        List<ResponseStreamEvent> events;
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(
                ResponseCreateParams.builder().model(prefix + "-r").input("Hi").build())) {
            events = stream.stream().toList();
        }

        assertThat(events.stream().filter(ResponseStreamEvent::isCreated)).hasSize(1);
        assertThat(events.getLast().isCompleted()).isTrue();
        assertThat(text(events.getLast().asCompleted().response())).isEqualTo("Rescued");

        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-bad/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(List.of(
                        UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "Half", null), "{not json"),
                        true))));
        String body = http.post().uri("/v1/responses").header("Authorization", "Bearer " + fixtures.key(
                prefix + "-k2", prefix + "-bad")).header("Content-Type", "application/json")
                .bodyValue("{\"model\":\"" + prefix + "-bad\",\"input\":\"Hi\",\"stream\":true}").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"delta\":\"Half\"").contains("event: response.failed")
                .doesNotContain("response.completed");
    }

    @Test
    void badRequestsAreRefusedInOpenAisShapeNamingTheParameterAndNeverReachTheUpstream() {
        ResponsesSdk.Gateway gateway = registerCompatible();
        String model = gateway.model();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"model\":\"" + model + "\",\"input\":\"x\",\"temperature\":\"1\"}", "temperature");
        cases.put("{\"model\":\"" + model + "\",\"input\":\"x\",\"max_output_tokens\":-1}", "max_output_tokens");
        cases.put("{\"model\":\"" + model + "\",\"input\":5}", "input");
        cases.put("{\"model\":\"" + model + "\",\"input\":\"x\",\"stream\":1}", "stream");
        cases.put("{\"model\":\"" + model + "\",\"input\":\"x\",\"background\":true}", "background");
        cases.put("{\"model\":\"" + model + "\",\"model\":\"" + model + "\",\"input\":\"x\"}", null);
        cases.put("{\"input\":\"x\"}", "model");
        cases.put("{\"model\":\"" + model + "\",\"input\":[{\"type\":\"function_call_output\"}]}", null);
        cases.forEach((body, param) -> {
            JsonNode error = http.post().uri("/v1/responses").header("Authorization", "Bearer " + gateway.key())
                    .header("Content-Type", "application/json").bodyValue(body).exchange()
                    .expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("error");
            assertThat(error.path("type").asString()).as(body).isEqualTo("invalid_request_error");
            if (param != null) {
                assertThat(error.path("param").asString()).as(body).startsWith(param);
            }
        });
        http.post().uri("/v1/responses").header("Authorization", "Bearer " + gateway.key())
                .header("Content-Type", "application/json")
                .bodyValue("{\"model\":\"" + model + "\",\"input\":\"x\",\"previous_response_id\":\"resp_nope\"}")
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error.param")
                .isEqualTo("previous_response_id");
        http.post().uri("/v1/responses").header("Content-Type", "application/json").bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
        assertThat(UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + gateway.prefix() + "/.*")))).isEmpty();
    }

    /** An OpenAI-compatible server (vLLM profile): chat completions only, so Responses requests are translated. */
    private ResponsesSdk.Gateway registerCompatible() {
        String prefix = unique("resp-vllm");
        fixtures.provider(Map.of("name", prefix + "-p", "type", "openai", "base_url", upstreamBase(prefix),
                "settings", Map.of("profile", "vllm")));
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat", "streaming", "tools");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        return new ResponsesSdk.Gateway(prefix, prefix + "-m", key, client(port, key));
    }

    private ResponsesSdk.Gateway register(ProviderFlavour flavour) {
        String prefix = unique("resp-" + flavour.type());
        fixtures.provider(Map.of("name", prefix + "-p", "type", flavour.type(),
                "base_url", flavour.baseUrl(UPSTREAM.baseUrl(), prefix), "api_key", flavour.apiKey(),
                "settings", flavour.settings()));
        fixtures.model(prefix + "-m", prefix + "-p", flavour.upstreamModel(), "chat", "streaming", "tools");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        return new ResponsesSdk.Gateway(prefix, prefix + "-m", key, client(port, key));
    }

    private static FunctionTool weatherTool() {
        return FunctionTool.builder().name("get_weather").description("Current weather in a city").strict(false)
                .parameters(FunctionTool.Parameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                        .build())
                .build();
    }

}
