package ai.switchboard.providers.anthropic.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.anthropic.internal.api.AnthropicRequest;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class AnthropicRequestMapperTests {

    private static final ProviderEndpoint ENDPOINT = endpoint(Map.of());

    @Test
    void plainChatGetsTheDefaultOutputCapAndNoOptionalFields() {
        assertThat(map("{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", false))
                .isEqualTo(json("""
                        {"model":"claude-x","max_tokens":4096,
                         "messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}"""));
    }

    @Test
    void systemAndDeveloperMessagesAreHoistedInOrderAndSameRoleTurnsMerged() {
        JsonNode mapped = map("""
                {"model":"m","messages":[
                 {"role":"system","content":"Be brief."},
                 {"role":"user","content":"a"},
                 {"role":"developer","content":[{"type":"text","text":"Use metric units."}]},
                 {"role":"user","content":[{"type":"text","text":"b"},{"type":"text","text":""}]},
                 {"role":"assistant","content":"c"},
                 {"role":"assistant","content":""},
                 {"role":"assistant","content":[{"type":"text","text":"d"}]}]}""", false);

        assertThat(mapped.get("system")).isEqualTo(json(
                "[{\"type\":\"text\",\"text\":\"Be brief.\"},{\"type\":\"text\",\"text\":\"Use metric units.\"}]"));
        assertThat(mapped.get("messages")).isEqualTo(json("""
                [{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
                 {"role":"assistant","content":[{"type":"text","text":"c"},{"type":"text","text":"d"}]}]"""));
    }

    @Test
    void toolCallsBecomeToolUseAndAllToolResultsOneUserTurnBeforeAnyText() {
        JsonNode mapped = map("""
                {"model":"m","messages":[
                 {"role":"user","content":"weather and time?"},
                 {"role":"assistant","content":"","tool_calls":[
                   {"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                   {"id":"toolu_2","type":"function","function":{"name":"get_time","arguments":""}}]},
                 {"role":"tool","tool_call_id":"toolu_1","content":"18C"},
                 {"role":"user","content":"and be quick"},
                 {"role":"tool","tool_call_id":"toolu_2","content":[{"type":"text","text":"12:00"}]}]}""", false);

        assertThat(mapped.get("messages")).isEqualTo(json("""
                [{"role":"user","content":[{"type":"text","text":"weather and time?"}]},
                 {"role":"assistant","content":[
                   {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                   {"type":"tool_use","id":"toolu_2","name":"get_time","input":{}}]},
                 {"role":"user","content":[
                   {"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                   {"type":"tool_result","tool_use_id":"toolu_2","content":"12:00"},
                   {"type":"text","text":"and be quick"}]}]"""));
    }

    @Test
    void imagesFromDataUrlsAndHttpsUrls() {
        JsonNode mapped = map("""
                {"model":"m","messages":[{"role":"user","content":[
                 {"type":"text","text":"compare"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"high"}},
                 {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}}]}]}""", false);

        assertThat(mapped.at("/messages/0/content")).isEqualTo(json("""
                [{"type":"text","text":"compare"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                 {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]"""));
    }

    @Test
    void toolsSamplingStopUserAndStreamAreMapped() {
        JsonNode mapped = map("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"max_completion_tokens":300,"max_tokens":9,
                 "temperature":1.7,"top_p":0.9,"top_k":40,"stop":"END","user":"u-42","seed":7,
                 "presence_penalty":0.5,"frequency_penalty":0.1,"parallel_tool_calls":false,
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":true}},
                  {"type":"function","function":{"name":"ping"}}]}""", true);

        assertThat(mapped).isEqualTo(json("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],
                 "max_tokens":300,"stop_sequences":["END"],"temperature":1.0,"top_p":0.9,"top_k":40,
                 "metadata":{"user_id":"u-42"},
                 "tools":[{"name":"get_weather","description":"Weather",
                   "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}},
                  {"name":"ping","input_schema":{"type":"object","properties":{}}}],
                 "tool_choice":{"type":"auto","disable_parallel_tool_use":true},
                 "stream":true}"""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"auto\"                                           | {\"type\":\"auto\"}",
            "\"required\"                                       | {\"type\":\"any\"}",
            "\"none\"                                           | {\"type\":\"none\"}",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\"}} | {\"type\":\"tool\",\"name\":\"f\"}"})
    void toolChoiceVariants(String choice, String expected) {
        JsonNode mapped = map("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"tool_choice\":" + choice + "}",
                false);

        assertThat(mapped.get("tool_choice")).isEqualTo(json(expected));
    }

    @Test
    void stopArrayAndJsonSchemaResponseFormat() {
        JsonNode mapped = map("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"stop":["a","b"],
                 "response_format":{"type":"json_schema","json_schema":{"name":"x","strict":true,
                   "schema":{"type":"object","properties":{"n":{"type":"integer"}},"additionalProperties":false}}}}""",
                false);

        assertThat(mapped.get("stop_sequences")).isEqualTo(json("[\"a\",\"b\"]"));
        assertThat(mapped.get("output_config")).isEqualTo(json("""
                {"format":{"type":"json_schema","schema":{"type":"object","properties":{"n":{"type":"integer"}},
                 "additionalProperties":false}}}"""));
    }

    @Test
    void defaultOutputCapComesFromTheEndpointSetting() {
        AnthropicRequest mapped = AnthropicRequestMapper.map(endpoint(Map.of("default_max_tokens", "1024")),
                request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), false);

        assertThat(mapped.maxTokens()).isEqualTo(1024);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "\"n\":2                                                        | n               | UNSUPPORTED",
            "\"logprobs\":true                                              | logprobs        | UNSUPPORTED",
            "\"top_logprobs\":3                                             | top_logprobs    | UNSUPPORTED",
            "\"response_format\":{\"type\":\"json_object\"}                 | response_format | UNSUPPORTED",
            "\"max_tokens\":0                                               | max_tokens      | INVALID_REQUEST",
            "\"stop\":7                                                     | stop            | INVALID_REQUEST",
            "\"tool_choice\":\"required\"                                   | tool_choice     | INVALID_REQUEST",
            "\"tool_choice\":\"sometimes\"                                  | tool_choice     | INVALID_REQUEST",
            "\"tools\":[{\"type\":\"web_search\",\"function\":{\"name\":\"w\"}}] | tools[0].type | UNSUPPORTED"})
    void unsupportedOrInvalidParametersAreRejectedByName(String field, String param, ErrorType type) {
        expectRejection("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + field + "}",
                param, type);
    }

    @Test
    void invalidToolArgumentsAreRejectedNamingTheParameter() {
        expectRejection("""
                {"model":"m","messages":[{"role":"user","content":"hi"},
                 {"role":"assistant","tool_calls":[{"id":"t1","type":"function",
                   "function":{"name":"f","arguments":"{\\"city\\":"}}]}]}""",
                "messages[1].tool_calls[0].function.arguments", ErrorType.INVALID_REQUEST);
        expectRejection("""
                {"model":"m","messages":[{"role":"user","content":"hi"},
                 {"role":"assistant","tool_calls":[{"id":"t1","type":"function",
                   "function":{"name":"f","arguments":"[1]"}}]}]}""",
                "messages[1].tool_calls[0].function.arguments", ErrorType.INVALID_REQUEST);
    }

    @Test
    void malformedMessagesAreRejectedNamingTheParameter() {
        expectRejection("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"only rules\"}]}",
                "messages", ErrorType.INVALID_REQUEST);
        expectRejection("{\"model\":\"m\",\"messages\":[{\"role\":\"function\",\"content\":\"x\"}]}",
                "messages[0].role", ErrorType.INVALID_REQUEST);
        expectRejection("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}",
                "messages[0].tool_call_id", ErrorType.INVALID_REQUEST);
        expectRejection("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\","
                + "\"input_audio\":{}}]}]}", "messages[0].content[0].type", ErrorType.UNSUPPORTED);
        expectRejection("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/tiff;base64,AAAA\"}}]}]}",
                "messages[0].content[0].image_url", ErrorType.INVALID_REQUEST);
        expectRejection("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"file:///etc/passwd\"}}]}]}",
                "messages[0].content[0].image_url", ErrorType.INVALID_REQUEST);
    }

    @Test
    void brokenDefaultSettingIsReportedWhenTheClientSentNoCap() {
        ProviderEndpoint broken = endpoint(Map.of("default_max_tokens", "lots"));

        assertThatThrownBy(() -> AnthropicRequestMapper.map(broken,
                request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), false))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.param()).isEqualTo("max_tokens"));
        assertThat(AnthropicRequestMapper.map(broken, request(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}"), false)
                .maxTokens()).isEqualTo(5);
    }

    private static void expectRejection(String body, String param, ErrorType type) {
        assertThatThrownBy(() -> AnthropicRequestMapper.map(ENDPOINT, request(body), false))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(e.param()).isEqualTo(param);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    private static JsonNode map(String body, boolean stream) {
        return WireJson.mapper().valueToTree(AnthropicRequestMapper.map(ENDPOINT, request(body), stream));
    }

    private static ChatRequest request(String body) {
        return WireJson.mapper().readValue(body, ChatRequest.class);
    }

    private static JsonNode json(String text) {
        return WireJson.mapper().readTree(text);
    }

    private static ProviderEndpoint endpoint(Map<String, String> settings) {
        return new ProviderEndpoint("anthropic-test", "anthropic", URI.create("https://api.anthropic.com"), null,
                Map.of(), null, null, settings, 1);
    }
}
