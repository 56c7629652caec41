package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.gateway.api.messages.wire.MessagesResponse;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.StopReason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical answers as Messages answers, each read back with Anthropic's SDK. */
class ChatToMessagesTests {

    private static final ReplyOptions SHOWN = new ReplyOptions(List.of("###"), true);

    @Test
    void reasoningTextAndToolCallsBecomeBlocksWithAnthropicsUsage() {
        MessagesResponse response = ChatToMessages.translate(chat("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"deepseek-reasoner",
                 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",
                  "reasoning_content":"The user wants weather.","content":"Checking.",
                  "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather",
                   "arguments":"{\\"city\\":\\"Paris\\"}"}},
                   {"id":"call_2","type":"function","function":{"name":"get_time","arguments":""}}]}}],
                 "usage":{"prompt_tokens":1250,"completion_tokens":30,"total_tokens":1280,
                  "prompt_tokens_details":{"cached_tokens":1000},"cache_creation_input_tokens":200}}"""), SHOWN);

        Message message = AnthropicSdk.message(response);

        assertThat(message.id()).isEqualTo("chatcmpl-1");
        assertThat(message.model().asString()).isEqualTo("deepseek-reasoner");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.stopSequence()).isEmpty();
        List<ContentBlock> content = message.content();
        assertThat(content).hasSize(4);
        assertThat(content.get(0).asThinking().thinking()).isEqualTo("The user wants weather.");
        assertThat(content.get(0).asThinking().signature()).isEmpty();
        assertThat(content.get(1).asText().text()).isEqualTo("Checking.");
        assertThat(content.get(2).asToolUse().id()).isEqualTo("call_1");
        assertThat(content.get(2).asToolUse().name()).isEqualTo("get_weather");
        assertThat(content.get(2).asToolUse()._input().toString()).isEqualTo("{city=Paris}");
        assertThat(content.get(3).asToolUse()._input().toString()).isEqualTo("{}");
        assertThat(message.usage().inputTokens()).isEqualTo(50);
        assertThat(message.usage().cacheReadInputTokens()).contains(1000L);
        assertThat(message.usage().cacheCreationInputTokens()).contains(200L);
        assertThat(message.usage().outputTokens()).isEqualTo(30);
    }

    @Test
    void omittedThinkingIsLeftOut() {
        MessagesResponse response = ChatToMessages.translate(chat(answer("stop",
                "\"reasoning_content\":\"secret\",\"content\":\"Hi\"", null)), new ReplyOptions(List.of(), false));

        assertThat(AnthropicSdk.message(response).content()).singleElement()
                .satisfies(block -> assertThat(block.asText().text()).isEqualTo("Hi"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "stop|end_turn|-|-",
        "length|max_tokens|-|-",
        "content_filter|refusal|-|-",
        "function_call|tool_use|-|-",
        "-|end_turn|-|-",
        "stop|stop_sequence|###|###",
        "stop|end_turn|END|-",
    })
    void stopReasons(String finishReason, String stopReason, String matched, String stopSequence) {
        String extra = matched == null ? null : "\"stop_reason\":\"" + matched + "\"";
        Message message = AnthropicSdk.message(ChatToMessages.translate(chat(answer(finishReason,
                "\"content\":\"done\"", extra)), SHOWN));

        assertThat(message.stopReason().map(StopReason::asString)).contains(stopReason);
        assertThat(message.stopSequence().orElse(null)).isEqualTo(stopSequence);
    }

    @Test
    void aTurnThatCalledToolsStoppedForThemWhateverTheUpstreamSaid() {
        Message message = AnthropicSdk.message(ChatToMessages.translate(chat(answer("stop",
                "\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                        + "\"arguments\":\"{}\"}}]", null)), SHOWN));

        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.content()).singleElement().satisfies(block -> assertThat(block.isToolUse()).isTrue());
    }

    @Test
    void aRefusalIsTextWithTheRefusalStopReason() {
        Message message = AnthropicSdk.message(ChatToMessages.translate(chat(answer("stop",
                "\"content\":null,\"refusal\":\"I can't help with that.\"", null)), SHOWN));

        assertThat(message.stopReason()).contains(StopReason.REFUSAL);
        assertThat(message.content().getFirst().asText().text()).isEqualTo("I can't help with that.");
    }

    @Test
    void anAnswerWithoutUsageReportsZeroCounts() {
        Message message = AnthropicSdk.message(ChatToMessages.translate(chat("{\"id\":\"c\",\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"\"}}]}"), SHOWN));

        assertThat(message.content()).isEmpty();
        assertThat(message.usage().inputTokens()).isZero();
        assertThat(message.usage().outputTokens()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[1,2]", "not json", "\"a string\""})
    void toolArgumentsThatAreNotAnObjectAreAMalformedAnswer(String arguments) {
        String escaped = WireJson.mapper().writeValueAsString(arguments);
        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> ChatToMessages.translate(
                chat(answer("tool_calls", "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"f\",\"arguments\":" + escaped + "}}]", null)), SHOWN));

        assertThat(failure.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE);
    }

    static ChatResponse chat(String json) {
        return WireJson.mapper().readValue(json, ChatResponse.class);
    }

    private static String answer(String finishReason, String message, String choiceExtra) {
        return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":" + (finishReason == null ? "null"
                : "\"" + finishReason + "\"") + (choiceExtra == null ? "" : "," + choiceExtra)
                + ",\"message\":{\"role\":\"assistant\"," + message + "}}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}";
    }
}
