package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.flavour.ProviderFlavour;
import ai.switchboard.gateway.it.flavour.ProviderFlavours;
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The official OpenAI Java SDK through the gateway, once per provider type: a provider of the type is registered
 * against its own native stub through the admin API, and chat, streaming and a tool round trip must look to the
 * SDK exactly as they do against OpenAI. A provider type joins by adding a {@link ProviderFlavour}.
 */
class ProviderTypesSdkIT extends GatewayIT {

    private static final String CALL_ID = "call_e2e_weather";
    private static final String ARGUMENTS = "{\"city\":\"Paris\"}";
    private static final String TOOL_RESULT = "{\"temperature_c\":21}";
    private static final UpstreamUsage USAGE = new UpstreamUsage(30, 7, 12);

    @Autowired
    private ProviderAdapters adapters;

    static List<ProviderFlavour> flavours() {
        return ProviderFlavours.all();
    }

    @Test
    void everyServedProviderTypeHasAFlavour() {
        assertThat(flavours().stream().map(ProviderFlavour::type))
                .as("flavours in ProviderFlavours.all()")
                .containsExactlyInAnyOrderElementsOf(adapters.types());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void chat(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), false).willReturn(flavour.chatResponse(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hello", " from ", flavour.type()))));

        ChatCompletion completion = gateway.client().chat().completions().create(ChatCompletionCreateParams.builder()
                .model(gateway.model()).addSystemMessage("Be brief.").addUserMessage("Hi").build());

        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).hasValue("Hello from " + flavour.type());
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertUsage(completion.usage().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void streaming(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        StreamTranscript transcript = flavour.streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hel", "lo", " there"));
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", transcript.contentType()).withBody(transcript.body())));

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = gateway.client().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(gateway.model()).addUserMessage("Hi")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            chunks = stream.stream().toList();
        }

        String text = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining());
        assertThat(text).isEqualTo("Hello there");
        assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .flatMap(choice -> choice.finishReason().stream()))
                .containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
        ChatCompletionChunk last = chunks.getLast();
        assertThat(last.choices()).as("choices of the usage chunk").isEmpty();
        assertUsage(last.usage().orElseThrow());
        assertThat(chunks.stream().filter(chunk -> chunk.usage().isPresent())).as("chunks with usage").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void streamedParallelToolCallsReassembleInTheSdk(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        // Text first, so a provider that numbers content blocks (Anthropic) puts the first tool at block 1.
        StreamTranscript transcript = flavour.streamTranscript(UpstreamReply.tools(USAGE, List.of("Checking", " both."),
                new UpstreamToolCall(CALL_ID, "get_weather", List.of("{\"ci", "ty\":", "\"Paris\"}")),
                new UpstreamToolCall("call_e2e_time", "get_time", List.of("{}"))));
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), true).willReturn(aResponse()
                .withHeader("Content-Type", transcript.contentType()).withBody(transcript.body())));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = gateway.client().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(gateway.model()).addUserMessage("Weather and time?")
                        .addTool(weatherTool()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion.Choice choice = accumulator.chatCompletion().choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(choice.message().content()).hasValue("Checking both.");
        List<ChatCompletionMessageFunctionToolCall> calls = choice.message().toolCalls().orElseThrow().stream()
                .map(call -> call.asFunction()).toList();
        assertThat(calls).extracting(ChatCompletionMessageFunctionToolCall::id)
                .containsExactly(CALL_ID, "call_e2e_time");
        assertThat(calls).extracting(call -> call.function().name()).containsExactly("get_weather", "get_time");
        assertThat(calls).extracting(call -> call.function().arguments()).containsExactly(ARGUMENTS, "{}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void toolCallRoundTrip(ProviderFlavour flavour) {
        Gateway gateway = register(flavour);
        // The second leg is answered with text only after the first was answered with the call.
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), false).inScenario(gateway.prefix())
                .whenScenarioStateIs(STARTED).willSetStateTo("tool-called")
                .willReturn(flavour.chatResponse(UpstreamReply.tools(USAGE, List.of(),
                        new UpstreamToolCall(CALL_ID, "get_weather", List.of("{\"city\":", "\"Paris\"}"))))));
        UPSTREAM.stubFor(flavour.chatCall(gateway.prefix(), false).inScenario(gateway.prefix())
                .whenScenarioStateIs("tool-called")
                .willReturn(flavour.chatResponse(
                        UpstreamReply.text(UpstreamFinish.STOP, USAGE, "It is 21 degrees in Paris."))));
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(gateway.model()).addUserMessage("What is the weather in Paris?").addTool(weatherTool());

        ChatCompletion first = gateway.client().chat().completions().create(conversation.build());

        assertThat(first.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessage assistant = first.choices().get(0).message();
        ChatCompletionMessageFunctionToolCall call = assistant.toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.id()).isEqualTo(CALL_ID);
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo(ARGUMENTS);

        conversation.addMessage(assistant).addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id())
                .content(TOOL_RESULT).build());
        ChatCompletion second = gateway.client().chat().completions().create(conversation.build());

        assertThat(second.choices().get(0).message().content()).hasValue("It is 21 degrees in Paris.");
        List<LoggedRequest> sent = UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + gateway.prefix() + "/.*")));
        assertThat(sent).as("upstream calls").hasSize(2);
        flavour.verifyToolResult(new SentRequest(sent.getLast()), CALL_ID, TOOL_RESULT);
    }

    /** A provider of the flavour's type, a model on it and an SDK client with a key for it, under a new prefix. */
    private Gateway register(ProviderFlavour flavour) {
        String prefix = unique("types-" + flavour.type());
        fixtures.provider(Map.of("name", prefix + "-p", "type", flavour.type(),
                "base_url", flavour.baseUrl(UPSTREAM.baseUrl(), prefix), "api_key", flavour.apiKey(),
                "settings", flavour.settings()));
        fixtures.model(prefix + "-m", prefix + "-p", flavour.upstreamModel(), "chat", "streaming", "tools");
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl("http://localhost:" + port + "/v1")
                .apiKey(fixtures.key(prefix + "-k", prefix + "-m"))
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
        return new Gateway(prefix, prefix + "-m", client);
    }

    private static ChatCompletionFunctionTool weatherTool() {
        return ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather")
                .description("Current weather in a city")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                        .build())
                .build()).build();
    }

    /** OpenAI's semantics whatever the provider's: cached tokens are part of the prompt tokens. */
    private static void assertUsage(CompletionUsage usage) {
        assertThat(usage.promptTokens()).isEqualTo(USAGE.promptTokens());
        assertThat(usage.completionTokens()).isEqualTo(USAGE.completionTokens());
        assertThat(usage.totalTokens()).isEqualTo(USAGE.totalTokens());
        assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).hasValue((long) USAGE.cachedTokens());
    }

    private record Gateway(String prefix, String model, OpenAIClient client) {
    }
}
