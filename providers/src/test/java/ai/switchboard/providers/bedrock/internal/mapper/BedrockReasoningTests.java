package ai.switchboard.providers.bedrock.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code reasoning_effort} to the model family's {@code additionalModelRequestFields}, and reasoning text back. */
class BedrockReasoningTests {

    @Test
    void claudeGetsThinkingWithRoomForItsBudgetAndNoTemperature() {
        JsonNode converse = map("""
                {"model":"us.anthropic.claude-sonnet-4-20250514-v1:0","reasoning_effort":"low","temperature":0.2,
                 "top_p":0.5,"messages":[{"role":"user","content":"hi"}]}""");

        assertThat(converse.get("additionalModelRequestFields")).isEqualTo(WireJson.mapper().readTree(
                "{\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}}"));
        assertThat(converse.get("inferenceConfig")).isEqualTo(WireJson.mapper().readTree(
                "{\"maxTokens\":" + (BedrockReasoning.DEFAULT_ANSWER_TOKENS + 2048) + "}"));
    }

    @Test
    void adaptiveClaudeAndNovaTwoGetTheirOwnFieldsAndOthersNothing() {
        assertThat(map("""
                {"model":"anthropic.claude-opus-4-6-v1","reasoning_effort":"medium",
                 "messages":[{"role":"user","content":"hi"}]}""").get("additionalModelRequestFields"))
                .isEqualTo(WireJson.mapper().readTree(
                        "{\"thinking\":{\"type\":\"adaptive\"},\"output_config\":{\"effort\":\"medium\"}}"));
        assertThat(map("""
                {"model":"amazon.nova-2-lite-v1:0","reasoning_effort":"xhigh","temperature":0.5,
                 "messages":[{"role":"user","content":"hi"}]}""").get("additionalModelRequestFields"))
                .isEqualTo(WireJson.mapper().readTree(
                        "{\"reasoningConfig\":{\"type\":\"enabled\",\"maxReasoningEffort\":\"high\"}}"));
        JsonNode llama = map("""
                {"model":"meta.llama3-70b-instruct-v1:0","reasoning_effort":"high","temperature":0.5,
                 "messages":[{"role":"user","content":"hi"}]}""");
        assertThat(llama.has("additionalModelRequestFields")).isFalse();
        assertThat(llama.path("inferenceConfig").path("temperature").asDouble()).isEqualTo(0.5);
    }

    @Test
    void anEmulatedJsonAnswerKeepsClaudeFromThinking() {
        JsonNode converse = map("""
                {"model":"anthropic.claude-sonnet-4-5-v1","reasoning_effort":"high",
                 "response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object"}}},
                 "messages":[{"role":"user","content":"hi"}]}""");

        assertThat(converse.has("additionalModelRequestFields")).isFalse();
    }

    private static JsonNode map(String request) {
        return WireJson.mapper().valueToTree(BedrockRequestMapper.map(
                WireJson.mapper().readValue(request, ChatRequest.class)).request());
    }
}
