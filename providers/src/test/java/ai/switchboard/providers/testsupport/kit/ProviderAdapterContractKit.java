package ai.switchboard.providers.testsupport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.json.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ai.switchboard.providers.api.ProviderAdapter} passes, in the manner of Micrometer's
 * {@code MeterRegistryCompatibilityKit}: an adapter's test extends this class and implements the fixture methods of
 * {@link KitFixture} for its provider's native wire format; the scenarios, canonical requests and expected
 * canonical results are the kit's, so every adapter behaves the same to an OpenAI client.
 *
 * <p>The failure scenarios (status table, malformed body, broken and stalled streams) are inherited from
 * {@link ProviderFailureScenarios}.
 */
public abstract class ProviderAdapterContractKit extends ProviderFailureScenarios {

    private static final UpstreamUsage USAGE = new UpstreamUsage(12, 3, 0);

    @Test
    void plainChat() {
        stubChat(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hello", " there"));

        ChatResponse response = chat(KitRequests.plain(model()));

        assertThat(response.choices().getFirst().message().text()).isEqualTo("Hello there");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo("stop");
        assertThat(response.usage().promptTokens()).isEqualTo(12);
        assertThat(response.usage().completionTokens()).isEqualTo(3);
        assertThat(response.usage().totalTokens()).isEqualTo(15);
        verifyPlainChat(lastRequest(), false);
    }

    @Test
    void plainChatStreamed() {
        stubStream(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hel", "lo", " there"));

        StreamedAnswer answer = stream(KitRequests.plain(model()));

        assertThat(answer.text()).isEqualTo("Hello there");
        assertThat(answer.finishReasons()).containsExactly("stop");
        assertThat(answer.toolIndexes()).isEmpty();
        verifyPlainChat(lastRequest(), true);
    }

    @Test
    void systemPrompt() {
        stubChat(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Hello."));

        assertThat(chat(KitRequests.withSystem(model())).choices().getFirst().message().text()).isEqualTo("Hello.");
        verifySystemPrompt(lastRequest());
    }

    @Test
    void multiTurn() {
        stubChat(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "Your name is Ada."));

        assertThat(chat(KitRequests.multiTurn(model())).choices().getFirst().message().text())
                .isEqualTo("Your name is Ada.");
        verifyMultiTurn(lastRequest());
    }

    @Test
    void toolCallRoundTrip() {
        stubChat(UpstreamReply.tools(USAGE, List.of(), weatherCall("{\"city\":", "\"Paris\"}")));

        ChatResponse first = chat(KitRequests.withTools(model()));

        assertThat(first.choices().getFirst().finishReason()).isEqualTo("tool_calls");
        List<ToolCall> calls = first.choices().getFirst().message().toolCalls();
        assertThat(calls).hasSize(1);
        assertCall(calls.getFirst(), KitRequests.TOOL_NAME, KitRequests.TOOL_ARGUMENTS);
        verifyToolsOffered(lastRequest());

        upstream().resetAll();
        stubChat(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "It is 21 degrees in Paris."));
        ChatResponse second = chat(KitRequests.toolResult(model()));

        assertThat(second.choices().getFirst().message().text()).isEqualTo("It is 21 degrees in Paris.");
        verifyToolResult(lastRequest());
    }

    @Test
    void parallelToolCalls() {
        UpstreamReply reply = UpstreamReply.tools(USAGE, List.of(), weatherCall("{\"city\":\"Paris\"}"),
                new UpstreamToolCall("call_kit_2", KitRequests.SECOND_TOOL_NAME, List.of("{\"city\":\"Oslo\"}")));
        stubChat(reply);

        List<ToolCall> calls = chat(KitRequests.withTools(model())).choices().getFirst().message().toolCalls();

        assertThat(calls).hasSize(2);
        assertCall(calls.get(0), KitRequests.TOOL_NAME, "{\"city\":\"Paris\"}");
        assertCall(calls.get(1), KitRequests.SECOND_TOOL_NAME, "{\"city\":\"Oslo\"}");
        assertThat(calls.get(0).id()).isNotEqualTo(calls.get(1).id());
    }

    @Test
    void parallelToolCallsStreamedAfterTextGetIndexesZeroAndOne() {
        stubStream(UpstreamReply.tools(USAGE, List.of("Checking", " both."),
                weatherCall("{\"city\":", "\"Paris\"}"),
                new UpstreamToolCall("call_kit_2", KitRequests.SECOND_TOOL_NAME, List.of("{\"ci", "ty\":\"Oslo\"}"))));

        StreamedAnswer answer = stream(KitRequests.withTools(model()));

        assertThat(answer.text()).isEqualTo("Checking both.");
        assertThat(answer.toolIndexes()).containsExactly(0, 1);
        assertStreamedCall(answer, 0, KitRequests.TOOL_NAME, "{\"city\":\"Paris\"}");
        assertStreamedCall(answer, 1, KitRequests.SECOND_TOOL_NAME, "{\"city\":\"Oslo\"}");
        assertThat(answer.fragments(0).getFirst().id()).isNotEqualTo(answer.fragments(1).getFirst().id());
        assertThat(answer.finishReasons()).containsExactly("tool_calls");
    }

    @Test
    void streamedToolCallArgumentDeltasReassembleExactly() {
        // Split inside a string, inside an escape sequence and across a multi-byte character.
        List<String> fragments = List.of("{\"query\":\"caf", "é \\", "\"au lait\\\"", "\",\"limit\":", "3}");
        stubStream(UpstreamReply.tools(USAGE, List.of(),
                new UpstreamToolCall(KitRequests.TOOL_CALL_ID, KitRequests.TOOL_NAME, fragments)));

        StreamedAnswer answer = stream(KitRequests.withTools(model()));

        assertThat(answer.toolIndexes()).containsExactly(0);
        assertStreamedCall(answer, 0, KitRequests.TOOL_NAME, String.join("", fragments));
        assertThat(answer.finishReasons()).containsExactly("tool_calls");
    }

    @Test
    void streamedToolCallWithoutArgumentsYieldsAnEmptyObject() {
        stubStream(UpstreamReply.tools(USAGE, List.of(),
                new UpstreamToolCall(KitRequests.TOOL_CALL_ID, KitRequests.SECOND_TOOL_NAME, List.of("{}"))));

        StreamedAnswer answer = stream(KitRequests.withTools(model()));

        assertStreamedCall(answer, 0, KitRequests.SECOND_TOOL_NAME, "{}");
    }

    @Test
    void imageInputAsDataUrl() {
        imageInput(Feature.IMAGE_DATA_URL, KitRequests.IMAGE_DATA_URL);
    }

    @Test
    void imageInputAsHttpsUrl() {
        imageInput(Feature.IMAGE_HTTPS_URL, KitRequests.IMAGE_HTTPS_URL);
    }

    @Test
    void jsonModeWithJsonObject() {
        jsonMode(Feature.JSON_OBJECT, KitRequests.jsonObject(model()));
    }

    @Test
    void jsonModeWithJsonSchema() {
        jsonMode(Feature.JSON_SCHEMA, KitRequests.jsonSchema(model()));
    }

    @Test
    void stopSequence() {
        stubChat(UpstreamReply.text(UpstreamFinish.STOP_SEQUENCE, USAGE, "1, 2, 3"));

        ChatResponse response = chat(KitRequests.withStop(model()));

        assertThat(response.choices().getFirst().message().text()).isEqualTo("1, 2, 3");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo("stop");
        verifyStopSequence(lastRequest());
    }

    @Test
    void maxTokensReachedFinishesWithLength() {
        UpstreamReply truncated = UpstreamReply.text(UpstreamFinish.LENGTH, new UpstreamUsage(10, 5, 0), "Once", " upon");
        stubChat(truncated);

        assertThat(chat(KitRequests.withMaxTokens(model())).choices().getFirst().finishReason()).isEqualTo("length");
        verifyMaxTokens(lastRequest());

        upstream().resetAll();
        stubStream(truncated);
        assertThat(stream(KitRequests.withMaxTokens(model())).finishReasons()).containsExactly("length");
        verifyMaxTokens(lastRequest());
    }

    @Test
    void usageWithCachedTokensInJsonAndInTheFinalStreamChunk() {
        UpstreamUsage usage = new UpstreamUsage(100, 20, 60);
        stubChat(UpstreamReply.text(UpstreamFinish.STOP, usage, "Cached."));
        assertUsage(chat(KitRequests.plain(model())).usage(), usage);

        upstream().resetAll();
        stubStream(UpstreamReply.text(UpstreamFinish.STOP, usage, "Cach", "ed."));
        StreamedAnswer answer = stream(KitRequests.plain(model()));
        assertThat(answer.chunksWithUsage()).as("chunks carrying usage").isEqualTo(1);
        assertUsage(answer.finalUsage(), usage);
    }

    private void imageInput(Feature feature, String url) {
        ChatRequest request = KitRequests.withImage(model(), url);
        if (!features().contains(feature)) {
            expectRefusal(request, "image");
            return;
        }
        stubChat(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "A cat."));
        assertThat(chat(request).choices().getFirst().message().text()).isEqualTo("A cat.");
        verifyImage(lastRequest(), url);
    }

    private void jsonMode(Feature feature, ChatRequest request) {
        if (!features().contains(feature)) {
            expectRefusal(request, "response_format");
            return;
        }
        stubChat(UpstreamReply.text(UpstreamFinish.STOP, USAGE, "{\"answer\":", "42}"));
        ChatMessage message = chat(request).choices().getFirst().message();
        assertThat(WireJson.mapper().readTree(message.text()))
                .isEqualTo(WireJson.mapper().readTree("{\"answer\":42}"));
        verifyJsonMode(lastRequest(), request.responseFormat());
    }

    /** A capability the provider lacks is refused before anything is sent, never silently dropped. */
    private void expectRefusal(ChatRequest request, String field) {
        ProviderException error = failure(adapter().chat(defaultEndpoint(), request));
        assertThat(error.type()).isIn(ErrorType.UNSUPPORTED, ErrorType.INVALID_REQUEST);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).containsIgnoringCase(field);
        assertThat(failure(adapter().streamChat(defaultEndpoint(), KitRequests.streamed(request)).then()).type())
                .isEqualTo(error.type());
        assertThat(requestsSent()).as("requests sent upstream").isZero();
    }

    private static UpstreamToolCall weatherCall(String... fragments) {
        return new UpstreamToolCall(KitRequests.TOOL_CALL_ID, KitRequests.TOOL_NAME, List.of(fragments));
    }

    private static void assertCall(ToolCall call, String name, String arguments) {
        assertThat(call.id()).isNotBlank();
        assertThat(call.type()).isEqualTo("function");
        assertThat(call.function().name()).isEqualTo(name);
        // A provider that sends arguments as an object gets them re-serialized: equal as JSON, not as bytes.
        assertThat(WireJson.mapper().readTree(call.function().arguments()))
                .isEqualTo(WireJson.mapper().readTree(arguments));
    }

    private static void assertStreamedCall(StreamedAnswer answer, int index, String name, String arguments) {
        List<ToolCall> fragments = answer.fragments(index);
        ToolCall head = fragments.getFirst();
        assertThat(head.id()).as("id on the first fragment of call %d", index).isNotBlank();
        assertThat(head.type()).isEqualTo("function");
        assertThat(head.function().name()).isEqualTo(name);
        assertThat(fragments.subList(1, fragments.size())).as("later fragments of call %d", index)
                .allSatisfy(fragment -> assertThat(fragment.id()).isNull());
        assertThat(answer.arguments(index)).as("arguments of call %d, byte for byte", index).isEqualTo(arguments);
    }

    private static void assertUsage(Usage actual, UpstreamUsage expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.promptTokens()).isEqualTo(expected.promptTokens());
        assertThat(actual.completionTokens()).isEqualTo(expected.completionTokens());
        assertThat(actual.totalTokens()).isEqualTo(expected.totalTokens());
        assertThat(actual.cachedTokens()).as("cached tokens, a subset of prompt tokens")
                .isEqualTo(expected.cachedTokens()).isLessThanOrEqualTo(actual.promptTokens());
    }
}
