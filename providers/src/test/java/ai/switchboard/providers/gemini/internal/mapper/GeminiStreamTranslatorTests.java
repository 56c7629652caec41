package ai.switchboard.providers.gemini.internal.mapper;

import static ai.switchboard.providers.gemini.GeminiWire.callEvent;
import static ai.switchboard.providers.gemini.GeminiWire.parse;
import static ai.switchboard.providers.gemini.GeminiWire.textEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.gemini.GeminiWire;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeminiStreamTranslatorTests {

    private final GeminiStreamTranslator translator = new GeminiStreamTranslator("gemini-x", false);

    private List<ChatChunk> feed(String... events) {
        List<ChatChunk> chunks = new ArrayList<>();
        for (String event : events) {
            chunks.addAll(translator.onEvent(parse(event)));
        }
        chunks.addAll(translator.complete());
        return chunks;
    }

    @Test
    void textPartsBecomeContentDeltasAfterARoleChunk() {
        List<ChatChunk> chunks = feed(textEvent("Hel", null), textEvent("lo", "STOP"));

        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.id()).isEqualTo("chatcmpl-r1");
            assertThat(chunk.model()).isEqualTo("gemini-2.5-flash");
            assertThat(chunk.object()).isEqualTo(ChatChunk.OBJECT);
        });
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isEqualTo("assistant");
        assertThat(content(chunks)).isEqualTo("Hello");
        assertThat(finishReasons(chunks)).containsExactly("stop");
    }

    @Test
    void parallelCallsInSeparateEventsGetIndexesZeroAndOneAndFinishAsToolCalls() {
        List<ChatChunk> chunks = new ArrayList<>();
        for (String line : GeminiWire.resource("stream-parallel-tool-calls.sse").split("\n")) {
            if (line.startsWith("data: ")) {
                chunks.addAll(translator.onEvent(parse(line.substring(6))));
            }
        }
        chunks.addAll(translator.complete());

        List<ToolCall> calls = toolCalls(chunks);
        assertThat(calls).extracting(ToolCall::index).containsExactly(0, 1);
        assertThat(calls).extracting(call -> call.function().name()).containsExactly("get_weather", "get_weather");
        assertThat(calls).extracting(call -> call.function().arguments())
                .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}");
        assertThat(calls).allSatisfy(call -> assertThat(call.id()).startsWith("call_"));
        assertThat(calls.get(0).id()).isNotEqualTo(calls.get(1).id());
        assertThat(content(chunks)).isEqualTo("Let me check");
        assertThat(finishReasons(chunks)).containsExactly("tool_calls");
    }

    @Test
    void usageMayRepeatAndTheLastReportWinsInOneFinalChunk() {
        List<ChatChunk> chunks = feed(GeminiWire.candidateEvent("{\"text\":\"a\"}", null, 10),
                GeminiWire.candidateEvent("{\"text\":\"b\"}", "STOP", 12), GeminiWire.usageEvent(12, 7, 3));

        ChatChunk last = chunks.getLast();
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage().promptTokens()).isEqualTo(12);
        assertThat(last.usage().completionTokens()).isEqualTo(10);
        assertThat(last.usage().completionTokensDetails().reasoningTokens()).isEqualTo(3);
        assertThat(chunks.stream().filter(chunk -> chunk.usage() != null)).hasSize(1);
    }

    @Test
    void aStreamThatEndsWithoutAFinishReasonIsInterrupted() {
        translator.onEvent(parse(textEvent("Hel", null)));

        assertThatThrownBy(translator::complete).isInstanceOfSatisfying(ProviderException.class,
                failure -> assertThat(failure.type()).isEqualTo(ErrorType.STREAM_INTERRUPTED));
    }

    @Test
    void anEmptyStreamIsInterrupted() {
        assertThatThrownBy(translator::complete).isInstanceOfSatisfying(ProviderException.class,
                failure -> assertThat(failure.type()).isEqualTo(ErrorType.STREAM_INTERRUPTED));
    }

    @Test
    void safetyStopsAndBlockedPromptsFinishAsContentFilter() {
        assertThat(finishReasons(feed(textEvent("Once", null), GeminiWire.finishEvent("SAFETY"))))
                .containsExactly("content_filter");

        List<ChatChunk> blocked = new GeminiStreamTranslator("m", false).onEvent(parse(GeminiWire.blockedPrompt()));
        assertThat(finishReasons(blocked)).containsExactly("content_filter");
    }

    @Test
    void aBrokenToolCallFailsTheStream() {
        assertThatThrownBy(() -> translator.onEvent(parse(GeminiWire.finishEvent("MALFORMED_FUNCTION_CALL"))))
                .isInstanceOfSatisfying(ProviderException.class,
                        failure -> assertThat(failure.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE));
    }

    @Test
    void theThoughtSignatureOfAStreamedCallReachesTheNextRequest() {
        List<ChatChunk> chunks = feed(callEvent(null, "get_weather", "{\"city\":\"Paris\"}", "CiQBcsjafF+abc/xyz==",
                null), callEvent("fc-2", "get_time", "{}", null, "STOP"));
        List<ToolCall> calls = toolCalls(chunks);
        assertThat(calls.get(1).id()).isEqualTo("fc-2");

        // The client echoes the assistant turn and answers both calls, as the OpenAI SDK does.
        String history = WireJson.mapper().writeValueAsString(List.of(
                java.util.Map.of("role", "user", "content", "Weather?"),
                java.util.Map.of("role", "assistant", "tool_calls", calls.stream()
                        .map(call -> ToolCall.of(call.id(), call.function().name(), call.function().arguments()))
                        .toList()),
                java.util.Map.of("role", "tool", "tool_call_id", calls.get(0).id(), "content", "sunny"),
                java.util.Map.of("role", "tool", "tool_call_id", calls.get(1).id(), "content", "noon")));
        ChatRequest next = WireJson.mapper().readValue("{\"model\":\"m\",\"messages\":" + history + "}",
                ChatRequest.class);
        JsonNode body = WireJson.mapper().valueToTree(GeminiRequestMapper.toGemini(next));

        JsonNode parts = body.at("/contents/1/parts");
        assertThat(parts.at("/0/thoughtSignature").asString()).isEqualTo("CiQBcsjafF+abc/xyz==");
        assertThat(parts.at("/0/functionCall/id").asString()).isEqualTo(ToolCallIds.decode(calls.get(0).id()).callId());
        assertThat(parts.at("/1/functionCall/id").asString()).isEqualTo("fc-2");
        assertThat(body.at("/contents/2/parts/0/functionResponse/name").asString()).isEqualTo("get_weather");
        assertThat(body.at("/contents/2/parts/1/functionResponse/id").asString()).isEqualTo("fc-2");
    }

    static String content(List<ChatChunk> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.stream().flatMap(chunk -> chunk.choices().stream()).map(choice -> choice.delta().content())
                .filter(Objects::nonNull).forEach(text::append);
        return text.toString();
    }

    static List<String> finishReasons(List<ChatChunk> chunks) {
        return chunks.stream().flatMap(chunk -> chunk.choices().stream()).map(choice -> choice.finishReason())
                .filter(Objects::nonNull).toList();
    }

    static List<ToolCall> toolCalls(List<ChatChunk> chunks) {
        return chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .filter(choice -> choice.delta().toolCalls() != null)
                .flatMap(choice -> choice.delta().toolCalls().stream()).toList();
    }
}
