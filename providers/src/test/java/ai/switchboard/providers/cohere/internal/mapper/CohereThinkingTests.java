package ai.switchboard.providers.cohere.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code reasoning_effort} as Cohere's {@code thinking}, for its reasoning models only. */
class CohereThinkingTests {

    @Test
    void reasoningModelsGetABudgetOrThinkingDisabled() {
        assertThat(map("command-a-reasoning-08-2025", "medium", "").get("thinking")).isEqualTo(
                WireJson.mapper().readTree("{\"type\":\"enabled\",\"token_budget\":8192}"));
        assertThat(map("command-a-reasoning-08-2025", "none", "").get("thinking")).isEqualTo(
                WireJson.mapper().readTree("{\"type\":\"disabled\"}"));
    }

    @Test
    void otherModelsAndAClientsOwnThinkingAreLeftAlone() {
        assertThat(map("command-a-03-2025", "high", "").has("thinking")).isFalse();
        assertThat(map("command-a-reasoning-08-2025", "high",
                ",\"thinking\":{\"type\":\"enabled\",\"token_budget\":500}").get("thinking"))
                .isEqualTo(WireJson.mapper().readTree("{\"type\":\"enabled\",\"token_budget\":500}"));
    }

    private static JsonNode map(String model, String effort, String more) {
        ChatRequest request = WireJson.mapper().readValue("{\"model\":\"" + model + "\",\"reasoning_effort\":\""
                + effort + "\"" + more + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                ChatRequest.class);
        return WireJson.mapper().valueToTree(CohereRequestMapper.toCohere(request));
    }
}
