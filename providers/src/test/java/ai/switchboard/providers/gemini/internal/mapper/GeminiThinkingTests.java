package ai.switchboard.providers.gemini.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiThinkingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gemini-2.5-flash|high|{\"thinkingBudget\":16384}",
        "gemini-2.5-flash|max|{\"thinkingBudget\":24576}",
        "gemini-2.5-flash-lite|none|{\"thinkingBudget\":0}",
        "gemini-2.5-pro|none|{\"thinkingBudget\":128}",
        "gemini-2.5-pro|max|{\"thinkingBudget\":32768}",
        "models/gemini-2.5-flash|low|{\"thinkingBudget\":2048}",
        "gemini-3-pro-preview|minimal|{\"thinkingLevel\":\"low\"}",
        "gemini-3-flash|medium|{\"thinkingLevel\":\"high\"}",
        "gemini-3.5-pro|high|{\"thinkingLevel\":\"high\"}",
        "gemini-2.0-flash|high|",
        "gemini-1.5-pro|high|",
        "gemini-2.5-flash|turbo|"})
    void effortBecomesTheThinkingControlOfTheModelsGeneration(String model, String effort, String expected) {
        ChatRequest request = WireJson.mapper().readValue("{\"model\":\"" + model + "\",\"reasoning_effort\":\""
                + effort + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", ChatRequest.class);

        assertThat(GeminiThinking.config(request)).isEqualTo(expected == null ? null
                : WireJson.mapper().readTree(expected));
    }
}
