package ai.switchboard.providers.bedrock.internal.mapper;

import static ai.switchboard.providers.bedrock.BedrockFixtures.request;
import static ai.switchboard.providers.bedrock.BedrockFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.bedrock.internal.api.ConverseResponse;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BedrockResponseMapperTests {

    private static final ConversePlan PLAIN = BedrockRequestMapper.map(
            request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

    @Test
    void toolUseBecomesToolCallsAndUsageCountsCacheInThePrompt() {
        ChatResponse response = map(resource("converse-tool-use.json"), PLAIN);

        ChatMessage message = response.choices().getFirst().message();
        assertThat(message.text()).isEqualTo("Checking.");
        assertThat(message.toolCalls()).containsExactly(
                ToolCall.of("tooluse_abc", "get_weather", "{\"city\":\"Paris\",\"days\":2}"));
        assertThat(response.choices().getFirst().finishReason()).isEqualTo("tool_calls");
        assertThat(response.usage().promptTokens()).isEqualTo(400 + 100 + 20);
        assertThat(response.usage().cachedTokens()).isEqualTo(100);
        assertThat(response.usage().completionTokens()).isEqualTo(40);
        assertThat(response.usage().totalTokens()).isEqualTo(560);
        assertThat(response.usage().extra().get(BedrockUsage.CACHE_WRITE_FIELD).asInt()).isEqualTo(20);
        assertThat(response.id()).isEqualTo("chatcmpl-1");
        assertThat(response.model()).isEqualTo("anthropic.claude");
    }

    @Test
    void textBlocksAreJoined() {
        ChatResponse response = map(resource("converse-text.json"), PLAIN);

        assertThat(response.choices().getFirst().message().content().asString()).isEqualTo("Hello there.");
        assertThat(response.choices().getFirst().message().toolCalls()).isNull();
        assertThat(response.choices().getFirst().finishReason()).isEqualTo("stop");
        assertThat(response.usage().extra()).isEmpty();
    }

    @Test
    void sanitizedToolNamesAreRestored() {
        ConversePlan plan = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"function","function":{"name":"kb.lookup"}}]}"""));
        String safe = ToolNames.sanitize("kb.lookup");

        ChatResponse response = map("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"toolUse\":"
                + "{\"toolUseId\":\"t1\",\"name\":\"" + safe + "\",\"input\":{}}}]}},\"stopReason\":\"tool_use\"}", plan);

        ChatMessage message = response.choices().getFirst().message();
        assertThat(message.content()).isNull();
        assertThat(message.toolCalls().getFirst().function().name()).isEqualTo("kb.lookup");
        assertThat(message.toolCalls().getFirst().function().arguments()).isEqualTo("{}");
    }

    @Test
    void emulatedJsonAnswerBecomesContent() {
        ConversePlan plan = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_object"}}"""));

        ChatResponse response = map("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"toolUse\":"
                + "{\"toolUseId\":\"t1\",\"name\":\"json_response\",\"input\":{\"a\":1}}}]}},\"stopReason\":\"tool_use\"}",
                plan);

        assertThat(response.choices().getFirst().message().content().asString()).isEqualTo("{\"a\":1}");
        assertThat(response.choices().getFirst().message().toolCalls()).isNull();
        assertThat(response.choices().getFirst().finishReason()).isEqualTo("stop");
    }

    @ParameterizedTest
    @CsvSource({"end_turn, stop", "stop_sequence, stop", "max_tokens, length", "model_context_window_exceeded, length",
            "tool_use, tool_calls", "guardrail_intervened, content_filter", "content_filtered, content_filter",
            "some_future_reason, stop"})
    void stopReasonsMapToFinishReasons(String stopReason, String finishReason) {
        assertThat(StopReasons.finishReason(stopReason, false)).isEqualTo(finishReason);
    }

    @Test
    void malformedModelOutputIsAnUpstreamError() {
        assertThatThrownBy(() -> StopReasons.finishReason("malformed_tool_use", false))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
                    assertThat(failure.retriable()).isTrue();
                });
    }

    private static ChatResponse map(String json, ConversePlan plan) {
        return BedrockResponseMapper.map(WireJson.mapper().readValue(json, ConverseResponse.class), plan,
                "chatcmpl-1", 1_700_000_000L, "anthropic.claude");
    }
}
