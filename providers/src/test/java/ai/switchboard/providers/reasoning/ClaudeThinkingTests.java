package ai.switchboard.providers.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClaudeThinkingTests {

    @ParameterizedTest
    @CsvSource({
        "claude-3-5-sonnet-20241022, NONE",
        "claude-3-opus-20240229, NONE",
        "claude-instant-1.2, NONE",
        "claude-3-7-sonnet-20250219, BUDGET",
        "claude-sonnet-4-20250514, BUDGET",
        "claude-opus-4-1-20250805, BUDGET",
        "claude-haiku-4-5-20251001, BUDGET",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0, BUDGET",
        "claude-opus-4-6, ADAPTIVE",
        "claude-sonnet-4-7, ADAPTIVE",
        "claude-sonnet-5, ADAPTIVE",
        "my-company-alias, ADAPTIVE"})
    void modelGenerationDecidesTheThinkingMode(String model, ClaudeThinking.Mode mode) {
        assertThat(ClaudeThinking.mode(model, null)).isEqualTo(mode);
    }

    @Test
    void theProviderSettingOverridesTheGuess() {
        assertThat(ClaudeThinking.mode("claude-opus-4-7", "budget")).isEqualTo(ClaudeThinking.Mode.BUDGET);
        assertThat(ClaudeThinking.mode("claude-3-7-sonnet", "adaptive")).isEqualTo(ClaudeThinking.Mode.ADAPTIVE);
    }

    @Test
    void aBudgetFitsUnderTheOutputCap() {
        ClaudeThinking.Plan noCap = ClaudeThinking.plan(request("high", null, ""), "claude-sonnet-4-5", null, 4096,
                null);
        assertThat(noCap.thinking().toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":16384}");
        assertThat(noCap.maxTokens()).isEqualTo(4096 + 16384);

        ClaudeThinking.Plan capped = ClaudeThinking.plan(request("high", 6000, ""), "claude-sonnet-4-5", 6000, 4096,
                null);
        assertThat(capped.thinking().path("budget_tokens").asInt()).isEqualTo(3000);
        assertThat(capped.maxTokens()).isEqualTo(6000);

        assertThat(ClaudeThinking.plan(request("high", 2000, ""), "claude-sonnet-4-5", 2000, 4096, null)).isNull();
    }

    @Test
    void adaptiveModelsGetAnEffortLevel() {
        ClaudeThinking.Plan plan = ClaudeThinking.plan(request("xhigh", null, ""), "claude-opus-4-6", null, 4096,
                null);
        assertThat(plan.thinking().toString()).isEqualTo("{\"type\":\"adaptive\"}");
        assertThat(plan.effort()).isEqualTo("high");
        assertThat(plan.maxTokens()).isEqualTo(4096);
        assertThat(ClaudeThinking.plan(request("minimal", null, ""), "claude-opus-4-6", null, 4096, null).effort())
                .isEqualTo("low");
    }

    @Test
    void thinkingStaysOffForNoneUnknownEffortsForcedToolsAndInsideAToolLoop() {
        assertThat(ClaudeThinking.plan(request("none", null, ""), "claude-opus-4-6", null, 4096, null)).isNull();
        assertThat(ClaudeThinking.plan(request("turbo", null, ""), "claude-opus-4-6", null, 4096, null)).isNull();
        assertThat(ClaudeThinking.plan(request("high", null, ",\"tool_choice\":\"required\""), "claude-opus-4-6",
                null, 4096, null)).isNull();
        ChatRequest loop = WireJson.mapper().readValue("""
                {"model":"m","reasoning_effort":"high","messages":[{"role":"user","content":"go"},
                 {"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"c","content":"ok"}]}""", ChatRequest.class);
        assertThat(ClaudeThinking.plan(loop, "claude-opus-4-6", null, 4096, null)).isNull();
        assertThat(ClaudeThinking.topP(0.9)).isNull();
        assertThat(ClaudeThinking.topP(0.97)).isEqualTo(0.97);
    }

    private static ChatRequest request(String effort, Integer maxTokens, String more) {
        return WireJson.mapper().readValue("{\"model\":\"m\",\"reasoning_effort\":\"" + effort + "\""
                + (maxTokens == null ? "" : ",\"max_tokens\":" + maxTokens) + more
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", ChatRequest.class);
    }
}
