package ai.switchboard.providers.anthropic.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.anthropic.AnthropicTranscripts;
import ai.switchboard.providers.anthropic.internal.api.AnthropicResponse;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicResponseMapperTests {

    @Test
    void textBlocksAreConcatenatedAndUsageConverted() {
        ChatResponse response = map("message-text.json");

        assertThat(response.id()).isEqualTo("msg_01TXT");
        assertThat(response.object()).isEqualTo("chat.completion");
        assertThat(response.created()).isEqualTo(1_700_000_000L);
        assertThat(response.model()).isEqualTo("claude-sonnet-4-5-20250929");
        ChatMessage message = response.choices().get(0).message();
        assertThat(message.role()).isEqualTo("assistant");
        assertThat(message.text()).isEqualTo("Hello there");
        assertThat(message.toolCalls()).isNull();
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(response.usage().promptTokens()).isEqualTo(12);
        assertThat(response.usage().completionTokens()).isEqualTo(3);
        assertThat(response.usage().totalTokens()).isEqualTo(15);
        assertThat(response.usage().cachedTokens()).isZero();
    }

    @Test
    void toolUseBecomesToolCallsThinkingIsDroppedAndCacheTokensCount() {
        ChatResponse response = map("message-tool-use-cached.json");

        ChatMessage message = response.choices().get(0).message();
        assertThat(message.text()).isEqualTo("Let me check.");
        assertThat(message.toolCalls()).containsExactly(
                ToolCall.of("toolu_01A", "get_weather", "{\"city\":\"Paris\",\"days\":[1,2]}"));
        assertThat(response.choices().get(0).finishReason()).isEqualTo("tool_calls");
        assertThat(response.usage().promptTokens()).isEqualTo(50 + 1000 + 200);
        assertThat(response.usage().cachedTokens()).isEqualTo(1000);
        assertThat(response.usage().completionTokens()).isEqualTo(30);
        assertThat(response.usage().extra().get(AnthropicResponseMapper.CACHE_CREATION_TOKENS).asInt())
                .isEqualTo(200);
    }

    @Test
    void aTurnThatOnlyCallsToolsHasNullContent() {
        AnthropicResponse native_ = WireJson.mapper().readValue("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude","stop_reason":"tool_use",
                 "content":[{"type":"tool_use","id":"toolu_1","name":"ping","input":{}}],
                 "usage":{"input_tokens":1,"output_tokens":1}}""", AnthropicResponse.class);

        ChatResponse response = AnthropicResponseMapper.toChatResponse(native_, 0);

        assertThat(response.choices().get(0).message().content().isNull()).isTrue();
        assertThat(response.choices().get(0).message().toolCalls().get(0).function().arguments()).isEqualTo("{}");
        assertThat(WireJson.mapper().writeValueAsString(response.choices().get(0).message()))
                .contains("\"content\":null");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "end_turn, stop",
            "stop_sequence, stop",
            "max_tokens, length",
            "model_context_window_exceeded, length",
            "tool_use, tool_calls",
            "refusal, content_filter",
            "pause_turn, stop",
            "some_future_reason, stop"})
    void stopReasonsMapToFinishReasons(String stopReason, String finishReason) {
        assertThat(AnthropicResponseMapper.finishReason(stopReason)).isEqualTo(finishReason);
    }

    private static ChatResponse map(String transcript) {
        AnthropicResponse response = WireJson.mapper().readValue(AnthropicTranscripts.body(transcript),
                AnthropicResponse.class);
        return AnthropicResponseMapper.toChatResponse(response, 1_700_000_000L);
    }
}
