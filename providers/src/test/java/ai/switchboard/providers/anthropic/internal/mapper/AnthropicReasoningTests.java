package ai.switchboard.providers.anthropic.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.anthropic.internal.api.AnthropicResponse;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.json.WireJson;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code reasoning_effort} to Claude's thinking, and its thinking back as {@code reasoning_content}. */
class AnthropicReasoningTests {

    @Test
    void effortBecomesABudgetOnClaude45AndSamplingKnobsClaudeRefusesAreDropped() {
        JsonNode mapped = map(endpoint(Map.of()), """
                {"model":"claude-sonnet-4-5","reasoning_effort":"medium","temperature":0.3,"top_p":0.5,"top_k":5,
                 "messages":[{"role":"user","content":"hi"}]}""");

        assertThat(mapped.get("thinking")).isEqualTo(json("{\"type\":\"enabled\",\"budget_tokens\":8192}"));
        assertThat(mapped.get("max_tokens").asInt()).isEqualTo(4096 + 8192);
        assertThat(mapped.has("temperature")).isFalse();
        assertThat(mapped.has("top_p")).isFalse();
        assertThat(mapped.has("top_k")).isFalse();
    }

    @Test
    void effortIsAdaptiveOnNewModelsAndSitsBesideAJsonSchemaFormat() {
        JsonNode mapped = map(endpoint(Map.of()), """
                {"model":"claude-opus-4-6","reasoning_effort":"high","max_tokens":2000,
                 "response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object"}}},
                 "messages":[{"role":"user","content":"hi"}]}""");

        assertThat(mapped.get("thinking")).isEqualTo(json("{\"type\":\"adaptive\"}"));
        assertThat(mapped.get("output_config")).isEqualTo(json(
                "{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\"}},\"effort\":\"high\"}"));
        assertThat(mapped.get("max_tokens").asInt()).isEqualTo(2000);
    }

    @Test
    void theProviderSettingChoosesBudgetsForAModelIdTheGatewayCannotDate() {
        JsonNode mapped = map(endpoint(Map.of("thinking_mode", "budget")), """
                {"model":"claude-house-alias","reasoning_effort":"low","messages":[{"role":"user","content":"hi"}]}""");

        assertThat(mapped.get("thinking")).isEqualTo(json("{\"type\":\"enabled\",\"budget_tokens\":2048}"));
    }

    @Test
    void withoutAnEffortOrInsideAToolLoopNothingChanges() {
        JsonNode plain = map(endpoint(Map.of()), """
                {"model":"claude-opus-4-6","temperature":0.3,"messages":[{"role":"user","content":"hi"}]}""");
        assertThat(plain.has("thinking")).isFalse();
        assertThat(plain.get("temperature").asDouble()).isEqualTo(0.3);

        JsonNode loop = map(endpoint(Map.of()), """
                {"model":"claude-opus-4-6","reasoning_effort":"high","temperature":0.3,"messages":[
                 {"role":"user","content":"go"},
                 {"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"c","content":"ok"}],
                 "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]}""");
        assertThat(loop.has("thinking")).isFalse();
        assertThat(loop.get("temperature").asDouble()).isEqualTo(0.3);
    }

    @Test
    void thinkingBlocksComeBackAsReasoningContent() {
        AnthropicResponse response = WireJson.mapper().readValue("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-opus-4-6",
                 "content":[{"type":"thinking","thinking":"Let me add.","signature":"sig"},
                  {"type":"redacted_thinking","data":"xyz"},{"type":"text","text":"4"}],
                 "stop_reason":"end_turn","usage":{"input_tokens":5,"output_tokens":20}}""",
                AnthropicResponse.class);

        ChatResponse chat = AnthropicResponseMapper.toChatResponse(response, 1);

        assertThat(chat.choices().getFirst().message().text()).isEqualTo("4");
        assertThat(chat.choices().getFirst().message().extra().get("reasoning_content").asString())
                .isEqualTo("Let me add.");
    }

    private static JsonNode map(ProviderEndpoint endpoint, String request) {
        return WireJson.mapper().valueToTree(AnthropicRequestMapper.map(endpoint,
                WireJson.mapper().readValue(request, ChatRequest.class), false));
    }

    private static ProviderEndpoint endpoint(Map<String, String> settings) {
        return new ProviderEndpoint("a", "anthropic", URI.create("http://localhost"), "k", null, null, null, settings,
                1);
    }

    private static JsonNode json(String text) {
        return WireJson.mapper().readTree(text);
    }
}
