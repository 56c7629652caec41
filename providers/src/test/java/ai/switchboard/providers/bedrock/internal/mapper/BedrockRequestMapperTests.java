package ai.switchboard.providers.bedrock.internal.mapper;

import static ai.switchboard.providers.bedrock.BedrockFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class BedrockRequestMapperTests {

    @Test
    void systemIsHoistedAndSameRoleTurnsAreMergedIncludingToolResults() {
        ConversePlan plan = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[
                 {"role":"system","content":"Be brief."},
                 {"role":"user","content":"Weather and time?"},
                 {"role":"user","content":[{"type":"text","text":"In Paris."}]},
                 {"role":"assistant","content":null,"tool_calls":[
                   {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                   {"id":"call_2","type":"function","function":{"name":"get_time","arguments":""}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"{\\"temp\\":21}"},
                 {"role":"tool","tool_call_id":"call_2","content":"12:00"},
                 {"role":"developer","content":"Answer in French."},
                 {"role":"user","content":"Thanks"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                 "max_completion_tokens":100,"temperature":1.6,"top_p":0.9,"stop":"END"}"""));

        assertThat(json(plan)).isEqualTo(tree("""
                {"system":[{"text":"Be brief."},{"text":"Answer in French."}],
                 "messages":[
                  {"role":"user","content":[{"text":"Weather and time?"},{"text":"In Paris."}]},
                  {"role":"assistant","content":[
                    {"toolUse":{"toolUseId":"call_1","name":"get_weather","input":{"city":"Paris"}}},
                    {"toolUse":{"toolUseId":"call_2","name":"get_time","input":{}}}]},
                  {"role":"user","content":[
                    {"toolResult":{"toolUseId":"call_1","content":[{"json":{"temp":21}}],"status":"success"}},
                    {"toolResult":{"toolUseId":"call_2","content":[{"text":"12:00"}],"status":"success"}},
                    {"text":"Thanks"}]}],
                 "inferenceConfig":{"maxTokens":100,"temperature":1.0,"topP":0.9,"stopSequences":["END"]},
                 "toolConfig":{"tools":[
                   {"toolSpec":{"name":"get_weather","description":"Weather",
                     "inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string"}}}}}},
                   {"toolSpec":{"name":"get_time","description":"%s",
                     "inputSchema":{"json":{"type":"object","properties":{}}}}}]}}"""
                .formatted(BedrockRequestMapper.HISTORY_TOOL_DESCRIPTION)));
    }

    @Test
    void conversationOpeningWithTheAssistantGetsAUserTurnFirstAndBlankTextIsDropped() {
        ConversePlan plan = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"assistant","content":"Hi, how can I help?"},
                 {"role":"user","content":"  "},{"role":"user","content":"Tell me a joke"}]}"""));

        assertThat(json(plan).get("messages")).isEqualTo(tree("""
                [{"role":"user","content":[{"text":"."}]},
                 {"role":"assistant","content":[{"text":"Hi, how can I help?"}]},
                 {"role":"user","content":[{"text":"Tell me a joke"}]}]"""));
    }

    @Test
    void foreignToolIdsAndNamesAreSanitizedConsistentlyAndNamesRestored() {
        ConversePlan plan = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":"go"},
                 {"role":"assistant","tool_calls":[{"id":"functions.lookup:0","type":"function",
                   "function":{"name":"kb.lookup","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"functions.lookup:0","content":"found"}],
                 "tools":[{"type":"function","function":{"name":"kb.lookup","parameters":{"type":"object"}}}]}"""));

        JsonNode messages = json(plan).get("messages");
        String useId = messages.get(1).at("/content/0/toolUse/toolUseId").asString();
        String name = messages.get(1).at("/content/0/toolUse/name").asString();
        assertThat(useId).matches("[a-zA-Z0-9_-]{1,64}").startsWith("functions_lookup_0-");
        assertThat(messages.get(2).at("/content/0/toolResult/toolUseId").asString()).isEqualTo(useId);
        assertThat(name).matches("[a-zA-Z0-9_-]{1,64}").isEqualTo(ToolNames.sanitize("kb.lookup"));
        assertThat(json(plan).at("/toolConfig/tools/0/toolSpec/name").asString()).isEqualTo(name);
        assertThat(plan.toolNames().original(name)).isEqualTo("kb.lookup");
    }

    @Test
    void sanitizingKeepsValidValuesAndBoundsLongOnes() {
        assertThat(ToolNames.sanitize("call_abc-1")).isEqualTo("call_abc-1");
        assertThat(ToolNames.sanitize("x".repeat(80))).hasSize(64).matches("[a-zA-Z0-9_-]+");
        assertThat(ToolNames.sanitize("a.b")).isNotEqualTo(ToolNames.sanitize("a:b"));
        assertThat(ToolNames.sanitize(null)).matches("[a-zA-Z0-9_-]{1,64}");
    }

    @Test
    void dataUrlImagesBecomeInlineBytesAndLinksAreUnsupported() {
        ConversePlan plan = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}}]}]}"""));

        assertThat(json(plan).at("/messages/0/content/1")).isEqualTo(
                tree("{\"image\":{\"format\":\"png\",\"source\":{\"bytes\":\"iVBORw0KGgo=\"}}}"));

        assertThatThrownBy(() -> BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"},
                 {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""")))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(ErrorType.UNSUPPORTED);
                    assertThat(failure.param()).isEqualTo("messages[0].content[1].image_url");
                });
    }

    @Test
    void toolChoiceNoneDropsToolsUnlessTheHistoryHoldsToolBlocks() {
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"tool_choice\":\"none\"}";
        ConversePlan fresh = BedrockRequestMapper.map(request(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + tools));
        ConversePlan withHistory = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":"hi"},
                 {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"c1","content":"ok"}]""" + tools));

        assertThat(json(fresh).has("toolConfig")).isFalse();
        assertThat(json(withHistory).at("/toolConfig/tools/0/toolSpec/name").asString()).isEqualTo("f");
        assertThat(json(withHistory).at("/toolConfig").has("toolChoice")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"auto\"                                       | {\"auto\":{}}",
            "\"required\"                                   | {\"any\":{}}",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\"}} | {\"tool\":{\"name\":\"f\"}}"})
    void toolChoiceMapsToConverse(String openAi, String converse) {
        ConversePlan plan = BedrockRequestMapper.map(request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],"
                + "\"tool_choice\":" + openAi + "}"));

        assertThat(json(plan).at("/toolConfig/toolChoice")).isEqualTo(tree(converse));
    }

    @ParameterizedTest
    @CsvSource({"n, 2", "logprobs, true", "presence_penalty, 0.5", "frequency_penalty, 1"})
    void featuresConverseLacksAreRejectedNamingTheParameter(String param, String value) {
        assertThatThrownBy(() -> BedrockRequestMapper.map(request("{\"model\":\"m\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"hi\"}],\"" + param + "\":" + value + "}")))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(ErrorType.UNSUPPORTED);
                    assertThat(failure.param()).isEqualTo(param);
                });
    }

    @Test
    void hintsConverseLacksAreIgnored() {
        ConversePlan plan = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"seed":7,"user":"u1","n":1,
                 "presence_penalty":0,"parallel_tool_calls":false}"""));

        assertThat(json(plan)).isEqualTo(tree("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}"));
    }

    @Test
    void jsonSchemaIsEmulatedWithAForcedTool() {
        ConversePlan plan = BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":"Weather in Paris as JSON"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"weather","strict":true,
                   "schema":{"type":"object","properties":{"temp":{"type":"number"}}}}}}"""));

        assertThat(plan.jsonTool()).isEqualTo("weather");
        assertThat(json(plan).get("toolConfig")).isEqualTo(tree("""
                {"tools":[{"toolSpec":{"name":"weather","description":"%s",
                  "inputSchema":{"json":{"type":"object","properties":{"temp":{"type":"number"}}}}}}],
                 "toolChoice":{"tool":{"name":"weather"}}}""".formatted(BedrockRequestMapper.JSON_TOOL_DESCRIPTION)));
        assertThatThrownBy(() -> BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_object"},
                 "tools":[{"type":"function","function":{"name":"f"}}]}""")))
                .isInstanceOfSatisfying(ProviderException.class,
                        failure -> assertThat(failure.param()).isEqualTo("response_format"));
    }

    @Test
    void invalidToolArgumentsInHistoryAreTheClientsError() {
        assertThatThrownBy(() -> BedrockRequestMapper.map(request("""
                {"model":"m","messages":[{"role":"user","content":"x"},{"role":"assistant","tool_calls":[
                 {"id":"c","type":"function","function":{"name":"f","arguments":"[1,2]"}}]}]}""")))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(ErrorType.INVALID_REQUEST);
                    assertThat(failure.param()).isEqualTo("messages[1].tool_calls[0].function.arguments");
                });
    }

    private static JsonNode json(ConversePlan plan) {
        return WireJson.mapper().valueToTree(plan.request());
    }

    private static JsonNode tree(String json) {
        return WireJson.mapper().readTree(json);
    }
}
