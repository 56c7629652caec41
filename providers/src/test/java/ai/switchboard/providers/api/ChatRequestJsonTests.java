package ai.switchboard.providers.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatRequestJsonTests {

    @Test
    void unknownFieldsSurviveARoundTrip() {
        String json = """
                {"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                "function":{"name":"f","arguments":"{\\"a\\":1}"}}],"x_msg":1},{"role":"tool","tool_call_id":"call_1","content":"ok"}],
                "stream":true,"stream_options":{"include_usage":true,"include_obfuscation":false},
                "tools":[{"type":"function","function":{"name":"f","strict":true,"parameters":{"$schema":"x","type":"object","additionalProperties":false}}}],
                "response_format":{"type":"json_schema","json_schema":{"name":"n","schema":{}}},
                "max_completion_tokens":5,"metadata":{"k":"v"},"reasoning_effort":"low"}
                """;
        ChatRequest request = WireJson.mapper().readValue(json, ChatRequest.class);

        assertThat(request.isStream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.outputTokenLimit()).isEqualTo(5);
        assertThat(request.extra()).containsKeys("metadata", "reasoning_effort");
        assertThat(request.messages().get(0).toolCalls().get(0).function().arguments()).isEqualTo("{\"a\":1}");

        JsonNode written = WireJson.mapper().valueToTree(request.withModel("upstream"));
        JsonNode original = WireJson.mapper().readTree(json);
        ((tools.jackson.databind.node.ObjectNode) original).put("model", "upstream");
        assertThat(written).isEqualTo(original);
    }

    @Test
    void contentMayBeAStringPartsNullOrAbsent() {
        String json = """
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a"},
                {"type":"image_url","image_url":{"url":"data:image/png;base64,AA==","detail":"low"}}]},
                {"role":"assistant","tool_calls":[]},{"role":"user","content":"plain"}]}
                """;
        ChatRequest request = WireJson.mapper().readValue(json, ChatRequest.class);

        assertThat(request.messages().get(0).parts()).extracting(ContentPart::type).containsExactly("text", "image_url");
        assertThat(request.messages().get(0).parts().get(1).imageUrl()).startsWith("data:image/png");
        assertThat(request.messages().get(0).text()).isEqualTo("a");
        assertThat(request.messages().get(1).content()).isNull();
        assertThat(request.messages().get(2).text()).isEqualTo("plain");
        assertThat(WireJson.mapper().writeValueAsString(request.messages().get(1))).doesNotContain("content");
    }

    @Test
    void convenienceMethodsAreNotWrittenAsFields() {
        ChatRequest request = WireJson.mapper().readValue("{\"model\":\"m\",\"messages\":[]}", ChatRequest.class);

        assertThat(WireJson.mapper().writeValueAsString(request)).isEqualTo("{\"model\":\"m\",\"messages\":[]}");
    }
}
