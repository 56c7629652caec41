package ai.switchboard.gateway.api.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.providers.api.ChatRequest;
import com.openai.core.ObjectMappers;
import com.openai.models.ReasoningEffort;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFormatTextJsonSchemaConfig;
import com.openai.models.responses.ResponseTextConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResponsesRequestTranslatorTests {

    /** What Codex CLI sends on every turn (PROVIDERS.md section 8), with a tool round trip carried back. */
    static final String CODEX_REQUEST = """
            {"model":"gpt-5-codex","instructions":"You are Codex.","stream":true,"store":false,
             "include":["reasoning.encrypted_content"],"reasoning":{"effort":"medium","summary":"auto"},
             "prompt_cache_key":"019a-session","parallel_tool_calls":false,"tool_choice":"auto",
             "client_metadata":{"x-codex-turn":"1"},
             "input":[
              {"type":"message","role":"developer","content":[{"type":"input_text","text":"<permissions>ask</permissions>"}]},
              {"type":"message","role":"user","content":[{"type":"input_text","text":"list the files"}]},
              {"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Need ls."}],"encrypted_content":"gAAA"},
              {"type":"function_call","id":"fc_1","call_id":"call_1","name":"shell","arguments":"{\\"cmd\\":[\\"ls\\"]}"},
              {"type":"function_call_output","call_id":"call_1","output":"README.md"},
              {"type":"function_call","call_id":"call_2","namespace":"multi_agent_v1","name":"spawn_agent","arguments":"{}"},
              {"type":"function_call_output","call_id":"call_2","output":[{"type":"input_text","text":"spawned"}]}],
             "tools":[
              {"type":"function","name":"shell","description":"Runs a command","strict":false,
               "parameters":{"type":"object","properties":{"cmd":{"type":"array","items":{"type":"string"}}},"required":["cmd"]}},
              {"type":"namespace","name":"multi_agent_v1","description":"Sub-agents","tools":[
               {"type":"function","name":"spawn_agent","parameters":{"type":"object","properties":{}}},
               {"type":"function","name":"wait","parameters":{"type":"object","properties":{}}}]},
              {"type":"web_search","external_web_access":false}]}
            """;

    @Test
    void translatesCodexTurnFlatteningNamespacesAndReportingWhatIsLeftOut() {
        ResponsesRequest request = ResponsesJson.request(CODEX_REQUEST);

        CanonicalRequest canonical = ResponsesRequestTranslator.translate(request,
                ResponseItems.readInput(request.input()));

        JsonNode chat = ResponsesJson.tree(canonical.chat());
        assertThat(chat).isEqualTo(ai.switchboard.providers.json.WireJson.mapper().readTree("""
                {"model":"gpt-5-codex","stream":true,"stream_options":{"include_usage":true},
                 "messages":[
                  {"role":"system","content":"You are Codex."},
                  {"role":"developer","content":[{"type":"text","text":"<permissions>ask</permissions>"}]},
                  {"role":"user","content":[{"type":"text","text":"list the files"}]},
                  {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"shell","arguments":"{\\"cmd\\":[\\"ls\\"]}"}}]},
                  {"role":"tool","content":"README.md","tool_call_id":"call_1"},
                  {"role":"assistant","tool_calls":[{"id":"call_2","type":"function",
                    "function":{"name":"multi_agent_v1__spawn_agent","arguments":"{}"}}]},
                  {"role":"tool","content":[{"type":"text","text":"spawned"}],"tool_call_id":"call_2"}],
                 "tools":[
                  {"type":"function","function":{"name":"shell","description":"Runs a command",
                   "parameters":{"type":"object","properties":{"cmd":{"type":"array","items":{"type":"string"}}},"required":["cmd"]},
                   "strict":false}},
                  {"type":"function","function":{"name":"multi_agent_v1__spawn_agent","parameters":{"type":"object","properties":{}}}},
                  {"type":"function","function":{"name":"multi_agent_v1__wait","parameters":{"type":"object","properties":{}}}}],
                 "tool_choice":"auto","parallel_tool_calls":false,
                 "reasoning_effort":"medium","prompt_cache_key":"019a-session"}
                """));
        assertThat(canonical.droppedTools()).containsExactly("web_search");
        assertThat(canonical.ignoredFields()).containsExactly("input.reasoning", "reasoning.summary",
                "client_metadata", "include");
        assertThat(canonical.toolNames().qualify("multi_agent_v1__wait"))
                .isEqualTo(new ToolNames.Qualified("multi_agent_v1", "wait"));
        assertThat(canonical.toolNames().qualify("shell")).isEqualTo(new ToolNames.Qualified(null, "shell"));
    }

    @Test
    void requestBuiltWithTheOfficialSdkTranslatesItsSchemaFormatAndLimits() throws Exception {
        ResponseCreateParams params = ResponseCreateParams.builder()
                .model("gpt-4.1")
                .input("Give me a city")
                .instructions("Answer in JSON")
                .maxOutputTokens(200L)
                .temperature(0.3)
                .reasoning(com.openai.models.Reasoning.builder().effort(ReasoningEffort.LOW).build())
                .text(ResponseTextConfig.builder().format(ResponseFormatTextJsonSchemaConfig.builder()
                        .name("city").strict(true)
                        .schema(ResponseFormatTextJsonSchemaConfig.Schema.builder()
                                .putAdditionalProperty("type", com.openai.core.JsonValue.from("object")).build())
                        .build()).build())
                .addTool(FunctionTool.builder().name("lookup").strict(true)
                        .parameters(FunctionTool.Parameters.builder()
                                .putAdditionalProperty("type", com.openai.core.JsonValue.from("object")).build())
                        .build())
                .toolChoice(com.openai.models.responses.ToolChoiceFunction.builder().name("lookup").build())
                .metadata(ResponseCreateParams.Metadata.builder()
                        .putAdditionalProperty("team", com.openai.core.JsonValue.from("a")).build())
                .store(true)
                .build();
        String body = ObjectMappers.jsonMapper().writeValueAsString(params._body());
        ResponsesRequest request = ResponsesJson.request(body);

        ChatRequest chat = ResponsesRequestTranslator.translate(request, ResponseItems.readInput(request.input()))
                .chat();

        assertThat(ResponsesJson.tree(chat)).isEqualTo(ai.switchboard.providers.json.WireJson.mapper().readTree("""
                {"model":"gpt-4.1","messages":[{"role":"system","content":"Answer in JSON"},
                  {"role":"user","content":"Give me a city"}],
                 "tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object"},"strict":true}}],
                 "tool_choice":{"type":"function","function":{"name":"lookup"}},
                 "response_format":{"type":"json_schema","json_schema":{"name":"city","schema":{"type":"object"},"strict":true}},
                 "max_completion_tokens":200,"temperature":0.3,"reasoning_effort":"low"}
                """));
    }

    @Test
    void namedChoiceOfANamespacedFunctionAndAllowedToolsUseFlatNames() {
        ResponsesRequest request = ResponsesJson.request("""
                {"model":"m","input":"x","tools":[{"type":"namespace","name":"ns","tools":[
                  {"type":"function","name":"go","parameters":{"type":"object"}}]},{"type":"file_search","vector_store_ids":["v"]}],
                 "tool_choice":{"type":"allowed_tools","mode":"required","tools":[{"type":"function","name":"go"},
                  {"type":"file_search"}]}}
                """);

        CanonicalRequest canonical = ResponsesRequestTranslator.translate(request, ResponseItems.readInput(request.input()));

        assertThat(ResponsesJson.tree(canonical.chat()).get("tool_choice")).isEqualTo(ResponsesJson.tree(Map.of(
                "type", "allowed_tools", "allowed_tools", Map.of("mode", "required", "tools",
                        java.util.List.of(Map.of("type", "function", "function", Map.of("name", "ns__go")))))));
        assertThat(canonical.droppedTools()).containsExactly("file_search");
    }

    @Test
    void choiceOfALeftOutHostedToolBecomesAutoAndIsReported() {
        ResponsesRequest request = ResponsesJson.request("""
                {"model":"m","input":"x","tools":[{"type":"web_search"}],"tool_choice":{"type":"web_search_preview"}}
                """);

        CanonicalRequest canonical = ResponsesRequestTranslator.translate(request, ResponseItems.readInput(request.input()));

        assertThat(canonical.chat().tools()).isNull();
        assertThat(canonical.chat().toolChoice().asString()).isEqualTo("auto");
        assertThat(canonical.ignoredFields()).containsExactly("tool_choice");
        assertThat(canonical.droppedTools()).containsExactly("web_search");
    }

    @Test
    void assistantTextAndItsCallsBecomeOneTurnAndRefusalsStayRefusals() {
        ResponsesRequest request = ResponsesJson.request("""
                {"model":"m","input":[{"role":"user","content":"hi"},
                 {"type":"message","role":"assistant","id":"msg_1","status":"completed",
                  "content":[{"type":"output_text","text":"Let me check.","annotations":[]}]},
                 {"type":"function_call","call_id":"c1","name":"f","arguments":"{}"},
                 {"type":"function_call","call_id":"c2","name":"f","arguments":"{\\"a\\":1}"},
                 {"type":"function_call_output","call_id":"c1","output":"1"},
                 {"type":"function_call_output","call_id":"c2","output":"2"},
                 {"role":"assistant","content":[{"type":"refusal","refusal":"No."}]},
                 {"role":"user","content":[{"type":"input_image","image_url":"https://x/a.png","detail":"high"},
                  {"type":"input_file","file_id":"file-1","filename":"a.pdf"}]}]}
                """);

        ChatRequest chat = ResponsesRequestTranslator.translate(request, ResponseItems.readInput(request.input()))
                .chat();

        assertThat(ResponsesJson.tree(chat.messages())).isEqualTo(ai.switchboard.providers.json.WireJson.mapper()
                .readTree("""
                [{"role":"user","content":"hi"},
                 {"role":"assistant","content":"Let me check.","tool_calls":[
                  {"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}},
                  {"id":"c2","type":"function","function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
                 {"role":"tool","content":"1","tool_call_id":"c1"},
                 {"role":"tool","content":"2","tool_call_id":"c2"},
                 {"role":"assistant","refusal":"No."},
                 {"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/a.png","detail":"high"}},
                  {"type":"file","file":{"file_id":"file-1","filename":"a.pdf"}}]}]
                """));
    }

    @Test
    void refusesWhatOnlyANativeUpstreamCanServeNamingTheParameter() {
        assertRefused("""
                {"model":"m","input":[{"type":"web_search_call","id":"ws_1","status":"completed"}]}
                """, "input[0].type");
        assertRefused("""
                {"model":"m","input":[{"role":"user","content":[{"type":"input_image","file_id":"file-1"}]}]}
                """, "input[0].content[0].file_id");
        assertRefused("""
                {"model":"m","input":[{"type":"function_call_output","call_id":"c","output":[
                  {"type":"input_image","image_url":"https://x/a.png"}]}]}
                """, "input[0].output[0].type");
        assertRefused("{\"model\":\"m\",\"input\":\"x\",\"background\":true}", "background");
        assertRefused("{\"model\":\"m\",\"input\":\"x\",\"conversation\":\"conv_1\"}", "conversation");
        assertRefused("""
                {"model":"m","input":[{"type":"item_reference","id":"msg_9"}]}
                """, "input[0]");
        assertRefused("""
                {"model":"m","input":"x","tools":[{"type":"function","name":"ns__go"},
                 {"type":"namespace","name":"ns","tools":[{"type":"function","name":"go"}]}]}
                """, "tools[1].tools[0].name");
    }

    @Test
    void longNamespacedNamesAreShortenedStablyWithinSixtyFourCharacters() {
        String flat = ToolNames.flatten("a".repeat(40), "b".repeat(40));

        assertThat(flat).hasSize(64).isEqualTo(ToolNames.flatten("a".repeat(40), "b".repeat(40)))
                .isNotEqualTo(ToolNames.flatten("a".repeat(40), "b".repeat(39) + "c"));
    }

    private static void assertRefused(String body, String param) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> {
            ResponsesRequest request = ResponsesJson.request(body);
            ResponsesRequestTranslator.translate(request, ResponseItems.readInput(request.input()));
        });
        assertThat(refused).as(body).isNotNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.param()).as(refused.getMessage()).isEqualTo(param);
    }
}
