package ai.switchboard.providers.bedrock.internal.mapper;

import static ai.switchboard.providers.bedrock.BedrockFixtures.event;
import static ai.switchboard.providers.bedrock.BedrockFixtures.exception;
import static ai.switchboard.providers.bedrock.BedrockFixtures.request;
import static ai.switchboard.providers.bedrock.BedrockFixtures.transcript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.FunctionCall;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.json.WireJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.eventstream.Message;

class BedrockStreamTranslatorTests {

    private static final ProviderEndpoint ENDPOINT = new ProviderEndpoint("bedrock-test", "bedrock",
            URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"), "secretKEY0123456789", Map.of(), null, null,
            Map.of(), 1);
    private static final ConversePlan PLAIN = BedrockRequestMapper.map(
            request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

    @Test
    void textStreamBecomesRoleContentFinishAndUsageChunks() {
        List<ChatChunk> chunks = translateAll(PLAIN, transcript("stream-text.tsv"));

        assertThat(chunks).extracting(chunk -> WireJson.mapper().writeValueAsString(chunk)).containsExactly(
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                        + "\"finish_reason\":null}]}",
                content("Hel"), content("lo"),
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,"
                        + "\"total_tokens\":15,\"prompt_tokens_details\":{\"cached_tokens\":0}}}");
    }

    @Test
    void twoToolBlocksAfterTextGetIndexesZeroAndOneWithInputsForwardedVerbatim() {
        List<ChatChunk> chunks = translateAll(PLAIN, transcript("stream-text-and-two-tools.tsv"));

        List<ToolCall> calls = chunks.stream()
                .filter(chunk -> !chunk.choices().isEmpty() && chunk.choices().getFirst().delta().toolCalls() != null)
                .map(chunk -> chunk.choices().getFirst().delta().toolCalls().getFirst())
                .toList();
        assertThat(calls).containsExactly(
                new ToolCall(0, "tooluse_a", "function", new FunctionCall("get_weather", "")),
                new ToolCall(0, null, null, new FunctionCall(null, "{\"city\":\"Paris\"}")),
                new ToolCall(1, "tooluse_b", "function", new FunctionCall("get_time", "")),
                new ToolCall(1, null, null, new FunctionCall(null, "{\"zone\":")),
                new ToolCall(1, null, null, new FunctionCall(null, " \"CET\" }")));
        assertThat(chunks.get(chunks.size() - 2).choices().getFirst().finishReason()).isEqualTo("tool_calls");
        ChatChunk usage = chunks.getLast();
        assertThat(usage.choices()).isEmpty();
        assertThat(usage.usage().promptTokens()).isEqualTo(450);
        assertThat(usage.usage().cachedTokens()).isEqualTo(50);
    }

    @Test
    void zeroArgumentToolGetsAnEmptyObject() {
        List<ChatChunk> chunks = translateAll(PLAIN, List.of(event("messageStart", "{\"role\":\"assistant\"}"),
                event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":\"t\","
                        + "\"name\":\"now\"}}}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":\"\"}}}"),
                event("contentBlockStop", "{\"contentBlockIndex\":0}")));

        assertThat(chunks.getLast().choices().getFirst().delta().toolCalls().getFirst().function().arguments())
                .isEqualTo("{}");
    }

    @Test
    void reasoningTextStreamsAsReasoningContentAndItsSignatureIsDropped() {
        List<ChatChunk> chunks = translateAll(PLAIN, List.of(event("messageStart", "{\"role\":\"assistant\"}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":"
                        + "{\"text\":\"Think.\"}}}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":"
                        + "{\"signature\":\"sig\"}}}"),
                event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"text\":\"Hi\"}}")));

        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(1).choices().getFirst().delta().extra().get("reasoning_content").asString())
                .isEqualTo("Think.");
        assertThat(chunks.get(2).choices().getFirst().delta().content()).isEqualTo("Hi");
    }

    @Test
    void invalidToolInputIsMalformed() {
        BedrockStreamTranslator translator = translator(PLAIN);
        translator.onMessage(event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":"
                + "{\"toolUseId\":\"t\",\"name\":\"f\"}}}"));
        translator.onMessage(event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":"
                + "{\"input\":\"{\\\"a\\\":1\"}}}"));

        assertThatThrownBy(() -> translator.onMessage(event("contentBlockStop", "{\"contentBlockIndex\":0}")))
                .isInstanceOfSatisfying(ProviderException.class,
                        failure -> assertThat(failure.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE));
    }

    @Test
    void emulatedJsonAnswerStreamsAsContent() {
        ConversePlan plan = BedrockRequestMapper.map(request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"x\"}],\"response_format\":{\"type\":\"json_object\"}}"));

        List<ChatChunk> chunks = translateAll(plan, List.of(event("messageStart", "{\"role\":\"assistant\"}"),
                event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":\"t\","
                        + "\"name\":\"json_response\"}}}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":\"{\\\"a\\\":1}\"}}}"),
                event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                event("messageStop", "{\"stopReason\":\"tool_use\"}")));

        assertThat(chunks.get(1).choices().getFirst().delta().content()).isEqualTo("{\"a\":1}");
        assertThat(chunks.getLast().choices().getFirst().finishReason()).isEqualTo("stop");
    }

    @ParameterizedTest
    @CsvSource({"throttlingException, RATE_LIMITED", "validationException, INVALID_REQUEST",
            "modelStreamErrorException, UPSTREAM_SERVER_ERROR", "internalServerException, UPSTREAM_SERVER_ERROR",
            "serviceUnavailableException, UPSTREAM_UNAVAILABLE"})
    void exceptionFramesAreClassified(String exceptionType, ErrorType type) {
        BedrockStreamTranslator translator = translator(PLAIN);
        translator.onMessage(event("messageStart", "{\"role\":\"assistant\"}"));

        assertThatThrownBy(() -> translator.onMessage(exception(exceptionType, "{\"message\":\"It broke\"}")))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(type);
                    assertThat(failure.getMessage()).isEqualTo("It broke");
                    assertThat(failure.upstreamStatus()).isNull();
                });
    }

    @Test
    void streamWithoutMessageStopOrMetadataIsInterrupted() {
        BedrockStreamTranslator cutBeforeStop = translator(PLAIN);
        transcript("stream-text.tsv").subList(0, 3).forEach(cutBeforeStop::onMessage);
        BedrockStreamTranslator cutBeforeMetadata = translator(PLAIN);
        transcript("stream-text.tsv").subList(0, 5).forEach(cutBeforeMetadata::onMessage);

        for (BedrockStreamTranslator translator : List.of(cutBeforeStop, cutBeforeMetadata)) {
            assertThatThrownBy(translator::finish).isInstanceOfSatisfying(ProviderException.class,
                    failure -> assertThat(failure.type()).isEqualTo(ErrorType.STREAM_INTERRUPTED));
        }
    }

    private static String content(String text) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";
    }

    private static BedrockStreamTranslator translator(ConversePlan plan) {
        return new BedrockStreamTranslator(ENDPOINT, plan, "chatcmpl-1", 1, "m");
    }

    private static List<ChatChunk> translateAll(ConversePlan plan, List<Message> frames) {
        BedrockStreamTranslator translator = translator(plan);
        List<ChatChunk> chunks = new ArrayList<>();
        frames.forEach(frame -> chunks.addAll(translator.onMessage(frame)));
        return chunks;
    }
}
