package ai.switchboard.providers.gemini.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class GeminiRequestMapperTests {

    static ChatRequest request(String json) {
        return WireJson.mapper().readValue(json, ChatRequest.class);
    }

    /** The body exactly as it goes on the wire. */
    static JsonNode wire(ChatRequest request) {
        return WireJson.mapper().valueToTree(GeminiRequestMapper.toGemini(request));
    }

    @Test
    void systemAndDeveloperBecomeTheSystemInstructionAndRolesAreMapped() {
        JsonNode body = wire(request("""
                {"model":"gemini-2.5-flash","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"developer","content":[{"type":"text","text":"Answer in French."}]},
                  {"role":"user","content":"Hi"},
                  {"role":"user","content":[{"type":"text","text":"there"}]},
                  {"role":"assistant","content":"Bonjour"},
                  {"role":"user","content":"Weather?"}]}"""));

        assertThat(body.at("/systemInstruction/parts/0/text").asString()).isEqualTo("Be brief.");
        assertThat(body.at("/systemInstruction/parts/1/text").asString()).isEqualTo("Answer in French.");
        assertThat(body.at("/systemInstruction/role").isMissingNode()).isTrue();
        JsonNode contents = body.get("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.get(0).get("role").asString()).isEqualTo("user");
        assertThat(contents.get(0).get("parts")).hasSize(2);
        assertThat(contents.get(1).get("role").asString()).isEqualTo("model");
        assertThat(contents.get(2).at("/parts/0/text").asString()).isEqualTo("Weather?");
    }

    @Test
    void onlyKnownFieldsAreSentAndUnknownOpenAiKeysAreNeverForwarded() {
        JsonNode body = wire(request("""
                {"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Hi"}],
                 "user":"u-1","store":true,"metadata":{"a":"b"},"service_tier":"auto","some_future_field":1,
                 "stream":true,"stream_options":{"include_usage":true},"max_completion_tokens":64,
                 "temperature":0.2,"top_p":0.9,"seed":7,"presence_penalty":0.1,"frequency_penalty":0.3,
                 "n":2,"stop":"END","logprobs":true,"top_logprobs":3}"""));

        assertThat(body.propertyNames()).containsExactlyInAnyOrder("contents", "generationConfig");
        assertThat(body.get("generationConfig")).isEqualTo(WireJson.mapper().readTree("""
                {"stopSequences":["END"],"candidateCount":2,"maxOutputTokens":64,"temperature":0.2,"topP":0.9,
                 "seed":7,"presencePenalty":0.1,"frequencyPenalty":0.3,"responseLogprobs":true,"logprobs":3}"""));
    }

    @Test
    void toolTurnsBecomeFunctionCallsAndOneUserTurnOfResponsesInCallOrder() {
        String signedId = ToolCallIds.encode("call_a", "CiQBcsjafF+abc/xyz==");
        JsonNode body = wire(request("""
                {"model":"gemini-3-pro-preview","messages":[
                  {"role":"user","content":"Weather and time?"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"%s","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                    {"id":"call_b","type":"function","function":{"name":"get_time","arguments":""}}]},
                  {"role":"tool","tool_call_id":"call_b","content":"12:00"},
                  {"role":"tool","tool_call_id":"%s","content":"{\\"temp\\":21}"},
                  {"role":"user","content":"Thanks"}]}""".formatted(signedId, signedId)));

        JsonNode contents = body.get("contents");
        assertThat(contents).hasSize(3);
        JsonNode model = contents.get(1);
        assertThat(model.get("role").asString()).isEqualTo("model");
        assertThat(model.get("parts")).isEqualTo(WireJson.mapper().readTree("""
                [{"thoughtSignature":"CiQBcsjafF+abc/xyz==",
                  "functionCall":{"id":"call_a","name":"get_weather","args":{"city":"Paris"}}},
                 {"functionCall":{"id":"call_b","name":"get_time","args":{}}}]"""));
        JsonNode results = contents.get(2);
        assertThat(results.get("role").asString()).isEqualTo("user");
        assertThat(results.get("parts")).isEqualTo(WireJson.mapper().readTree("""
                [{"functionResponse":{"id":"call_a","name":"get_weather","response":{"temp":21}}},
                 {"functionResponse":{"id":"call_b","name":"get_time","response":{"result":"12:00"}}},
                 {"text":"Thanks"}]"""));
    }

    @Test
    void anUnsignedHistoryGetsTheDocumentedFallbackOnItsFirstCallOnly() {
        JsonNode body = wire(request("""
                {"model":"gemini-3-pro-preview","messages":[
                  {"role":"user","content":"Go"},
                  {"role":"assistant","tool_calls":[
                    {"id":"call_1","type":"function","function":{"name":"a","arguments":"{}"}},
                    {"id":"call_2","type":"function","function":{"name":"b","arguments":"{}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"x"},
                  {"role":"tool","tool_call_id":"call_2","content":"y"}]}"""));

        JsonNode parts = body.at("/contents/1/parts");
        assertThat(parts.at("/0/thoughtSignature").asString()).isEqualTo(ToolCallIds.FALLBACK_SIGNATURE);
        assertThat(parts.at("/1/thoughtSignature").isMissingNode()).isTrue();
    }

    @Test
    void aToolResultWithoutItsCallIsRefused() {
        assertRejected("""
                {"model":"m","messages":[{"role":"user","content":"x"},
                  {"role":"tool","tool_call_id":"call_unknown","content":"x"}]}""",
                ErrorType.INVALID_REQUEST, "messages[1].tool_call_id");
    }

    @Test
    void dataUrlImagesAreInlinedAndHttpsImagesAreRefusedByName() {
        JsonNode body = wire(request("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"What is it?"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"high"}}]}]}"""));
        assertThat(body.at("/contents/0/parts/1/inlineData")).isEqualTo(
                WireJson.mapper().readTree("{\"mimeType\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}"));

        assertRejected("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""",
                ErrorType.UNSUPPORTED, "messages[0].content[1].image_url");
    }

    @Test
    void toolsUseFullJsonSchema() {
        JsonNode body = wire(request("""
                {"model":"m","messages":[{"role":"user","content":"x"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
                   "strict":true,"parameters":{"$schema":"https://json-schema.org/draft/2020-12/schema",
                   "type":"object","properties":{"city":{"type":"string"}},"additionalProperties":false}}}]}"""));

        assertThat(body.at("/tools/0/functionDeclarations/0")).isEqualTo(WireJson.mapper().readTree("""
                {"name":"get_weather","description":"Weather","parametersJsonSchema":{
                  "$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                  "properties":{"city":{"type":"string"}},"additionalProperties":false}}"""));
        assertThat(body.has("toolConfig")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"auto\"|{\"mode\":\"AUTO\"}",
            "\"none\"|{\"mode\":\"NONE\"}",
            "\"required\"|{\"mode\":\"ANY\"}",
            "{\"type\":\"function\",\"function\":{\"name\":\"b\"}}|{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"b\"]}",
            "{\"type\":\"allowed_tools\",\"allowed_tools\":{\"mode\":\"required\",\"tools\":[{\"type\":\"function\","
                    + "\"function\":{\"name\":\"a\"}}]}}|{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"a\"]}"})
    void toolChoiceBecomesAFunctionCallingMode(String toolChoice, String expected) {
        JsonNode body = wire(request("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"tool_choice":%s,
                 "tools":[{"type":"function","function":{"name":"a"}},{"type":"function","function":{"name":"b"}}]}"""
                .formatted(toolChoice)));

        assertThat(body.at("/toolConfig/functionCallingConfig")).isEqualTo(WireJson.mapper().readTree(expected));
    }

    @Test
    void responseFormatsBecomeAJsonMimeTypeAndSchema() {
        JsonNode object = wire(request("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_object"}}"""));
        assertThat(object.at("/generationConfig/responseMimeType").asString()).isEqualTo("application/json");

        JsonNode schema = wire(request("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema",
                 "json_schema":{"name":"city","strict":true,"schema":{"type":"object","properties":{"c":{"type":"string"}}}}}}"""));
        assertThat(schema.at("/generationConfig/responseMimeType").asString()).isEqualTo("application/json");
        assertThat(schema.at("/generationConfig/responseJsonSchema/properties/c/type").asString()).isEqualTo("string");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "\"logit_bias\":{\"50256\":-100}|logit_bias|UNSUPPORTED",
            "\"functions\":[{\"name\":\"f\"}]|functions|UNSUPPORTED",
            "\"modalities\":[\"text\",\"audio\"]|modalities|UNSUPPORTED",
            "\"tools\":[{\"type\":\"custom\",\"custom\":{\"name\":\"x\"}}]|tools[0].type|UNSUPPORTED",
            "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\"}}|"
                    + "response_format.json_schema.schema|INVALID_REQUEST",
            "\"seed\":9999999999|seed|INVALID_REQUEST"})
    void featuresGeminiCannotHonourAreRefusedByName(String field, String param, ErrorType type) {
        assertRejected("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]," + field + "}", type,
                param);
    }

    @Test
    void theDeprecatedFunctionRoleIsRefused() {
        assertRejected("""
                {"model":"m","messages":[{"role":"user","content":"x"},{"role":"function","name":"f","content":"1"}]}""",
                ErrorType.UNSUPPORTED, "messages[1].role");
    }

    @Test
    void parallelToolCallsFalseIsEmulated() {
        assertThat(GeminiRequestMapper.singleToolCall(request("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"parallel_tool_calls":false}"""))).isTrue();
        assertThat(wire(request("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"parallel_tool_calls":false}""")).toString())
                .doesNotContain("parallel");
    }

    private static void assertRejected(String json, ErrorType type, String param) {
        assertThatThrownBy(() -> GeminiRequestMapper.toGemini(request(json)))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(type);
                    assertThat(failure.status()).isEqualTo(400);
                    assertThat(failure.param()).isEqualTo(param);
                    assertThat(failure.getMessage()).isNotBlank();
                });
    }
}
