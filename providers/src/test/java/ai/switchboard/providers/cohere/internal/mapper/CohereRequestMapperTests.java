package ai.switchboard.providers.cohere.internal.mapper;

import static ai.switchboard.providers.cohere.CohereFixtures.chatRequest;
import static ai.switchboard.providers.cohere.CohereFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.cohere.internal.api.CohereChatRequest;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class CohereRequestMapperTests {

    private static final String TOOLS = """
            "tools":[{"type":"function","function":{"name":"a","parameters":{"type":"object"}}},
                     {"type":"function","function":{"name":"b"}}]""";

    @Test
    void everyMappedFieldLandsWhereCohereExpectsIt() {
        CohereChatRequest mapped = CohereRequestMapper.toCohere(chatRequest(resource("request-full.openai.json")));

        assertThat(json(mapped)).isEqualTo(WireJson.mapper().readTree(resource("request-full.cohere.json")));
    }

    @Test
    void streamingCopyOnlyAddsTheStreamFlag() {
        CohereChatRequest mapped = CohereRequestMapper.toCohere(chatRequest(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}"));

        assertThat(json(mapped)).isEqualTo(WireJson.mapper().readTree(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(json(mapped.streaming()).get("stream").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "tool_choice {0}")
    @CsvSource(delimiter = '|', value = {
            "\"auto\"| | a,b",
            "\"none\"| NONE | a,b",
            "\"required\"| REQUIRED | a,b",
            "{\"type\":\"function\",\"function\":{\"name\":\"b\"}}| REQUIRED | b"})
    void toolChoiceMapsToCohereValuesAndANamedFunctionSendsOnlyThatTool(String choice, String expected,
            String tools) {
        JsonNode mapped = json(CohereRequestMapper.toCohere(chatRequest(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + TOOLS
                        + ",\"tool_choice\":" + choice + "}")));

        assertThat(mapped.path("tool_choice").asString(null)).isEqualTo(expected);
        assertThat(mapped.get("tools").valueStream().map(tool -> tool.at("/function/name").asString()))
                .containsExactly(tools.split(","));
        assertThat(mapped.has("strict_tools")).isFalse();
    }

    @Test
    void jsonObjectAndTextFormatsPassAndTopPIsClampedIntoCoheresRange() {
        JsonNode mapped = json(CohereRequestMapper.toCohere(chatRequest("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"top_p":0,
                "response_format":{"type":"json_object"},"stop":["a","b"],"max_tokens":10}""")));

        assertThat(mapped.get("response_format")).isEqualTo(WireJson.mapper().readTree("{\"type\":\"json_object\"}"));
        assertThat(mapped.get("p").asDouble()).isEqualTo(0.01);
        assertThat(mapped.get("stop_sequences").valueStream().map(JsonNode::asString)).containsExactly("a", "b");
        assertThat(mapped.get("max_tokens").asInt()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "n greater than one | \"n\":2 | n | UNSUPPORTED",
            "top_logprobs | \"logprobs\":true,\"top_logprobs\":3 | top_logprobs | UNSUPPORTED",
            "parallel_tool_calls false | " + "\"parallel_tool_calls\":false,\"tools\":[{\"type\":\"function\","
                    + "\"function\":{\"name\":\"a\"}}] | parallel_tool_calls | UNSUPPORTED",
            "custom tool | \"tools\":[{\"type\":\"custom\",\"custom\":{\"name\":\"x\"}}] | tools[0] | UNSUPPORTED",
            "allowed_tools choice | \"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"a\"}}],"
                    + "\"tool_choice\":{\"type\":\"allowed_tools\"} | tool_choice | UNSUPPORTED",
            "unknown named tool | \"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"a\"}}],"
                    + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"zz\"}} | tool_choice"
                    + " | INVALID_REQUEST",
            "required without tools | \"tool_choice\":\"required\" | tool_choice | INVALID_REQUEST",
            "negative penalty | \"frequency_penalty\":-0.5 | frequency_penalty | UNSUPPORTED",
            "penalty above one | \"presence_penalty\":1.5 | presence_penalty | UNSUPPORTED",
            "schema missing | \"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\"}}"
                    + " | response_format.json_schema.schema | INVALID_REQUEST"})
    void whatCohereCannotDoIsAClear400(String name, String fields, String param, ErrorType type) {
        ProviderException error = catchMapping(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + fields + "}");

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo(param);
        assertThat(error.getMessage()).isNotBlank();
    }

    @Test
    void audioPartsFunctionRoleAndToolMessagesWithoutIdAreRefusedWithTheirPath() {
        assertThat(catchMapping("""
                {"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":[
                {"type":"input_audio","input_audio":{"data":"AAA","format":"wav"}}]}]}""").param())
                .isEqualTo("messages[1].content");
        assertThat(catchMapping("{\"model\":\"m\",\"messages\":[{\"role\":\"function\",\"name\":\"f\","
                + "\"content\":\"x\"}]}").param()).isEqualTo("messages[0].role");
        assertThat(catchMapping("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}").param())
                .isEqualTo("messages[0].tool_call_id");
        assertThat(catchMapping("{\"model\":\"m\",\"messages\":[]}").param()).isEqualTo("messages");
    }

    @Test
    void nOfOneAndParallelToolCallsTrueAreAccepted() {
        CohereChatRequest mapped = CohereRequestMapper.toCohere(chatRequest("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"n":1,"parallel_tool_calls":true,
                "top_logprobs":0}"""));

        assertThat(mapped.messages()).hasSize(1);
    }

    private static ProviderException catchMapping(String json) {
        ChatRequest request = chatRequest(json);
        Throwable thrown = catchThrowable(() -> CohereRequestMapper.toCohere(request));
        assertThat(thrown).isInstanceOf(ProviderException.class);
        return (ProviderException) thrown;
    }

    /** The request as Cohere receives it: written, then read back (so numbers compare as the wire has them). */
    private static JsonNode json(CohereChatRequest request) {
        return WireJson.mapper().readTree(WireJson.mapper().writeValueAsString(request));
    }
}
