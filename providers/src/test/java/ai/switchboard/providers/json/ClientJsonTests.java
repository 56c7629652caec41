package ai.switchboard.providers.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ClientJsonTests {

    private static final String CHAT = "\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @ParameterizedTest
    @ValueSource(strings = {
        // strings to numbers, including the special values Jackson accepts whatever coercion says
        "\"temperature\":\"0.5\"", "\"temperature\":\"NaN\"", "\"top_p\":\"Infinity\"", "\"temperature\":\"-Infinity\"",
        "\"max_tokens\":\"10\"", "\"n\":\"2\"", "\"seed\":\"1\"", "\"n\":\"\"",
        // numbers that do not fit
        "\"temperature\":1e400", "\"max_tokens\":99999999999",
        // floats to ints, numbers to booleans, scalars to strings
        "\"n\":1.5", "\"n\":2.0", "\"max_tokens\":1e2", "\"stream\":1", "\"stream\":0", "\"stream\":\"true\"",
        "\"user\":5", "\"user\":true", "\"user\":1.5", "\"model\":5",
        // a single value for an array, an empty string for an object, a null in a list
        "\"tools\":{\"type\":\"function\"}", "\"messages\":{\"role\":\"user\",\"content\":\"x\"}",
        "\"stream_options\":\"\"", "\"response_format\":\"\"", "\"tools\":[null]",
        // duplicate keys, at the top and inside raw JSON values
        "\"model\":\"again\"", "\"stop\":{\"a\":1,\"a\":2}",
    })
    void refusesWhatWouldHaveBeenCoerced(String field) {
        assertThatThrownBy(() -> ClientJson.mapper().readValue("{" + CHAT + "," + field + "}", ChatRequest.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesCoercionInEveryRequestType() {
        assertThatThrownBy(() -> ClientJson.mapper().readValue("{\"model\":\"m\",\"input\":\"x\",\"dimensions\":\"8\"}",
                EmbeddingRequest.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> ClientJson.mapper().readValue("{\"model\":\"m\",\"model\":\"n\"}", ObjectNode.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void acceptsExactTypesAndNulls() {
        ChatRequest request = ClientJson.mapper().readValue("{" + CHAT + ",\"temperature\":1,\"top_p\":0.5,"
                + "\"n\":2,\"seed\":-9007199254740993,\"stream\":false,\"user\":\"\",\"max_tokens\":null,"
                + "\"stop\":null}", ChatRequest.class);

        assertThat(request.temperature()).isEqualTo(1.0);
        assertThat(request.seed()).isEqualTo(-9007199254740993L);
        assertThat(request.maxTokens()).isNull();
    }

    @Test
    void unknownFieldsSurviveARoundTripUnchanged() {
        String json = """
                {"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                "function":{"name":"f","arguments":"{\\"a\\":1}"}}],"x_msg":1},{"role":"tool","tool_call_id":"call_1","content":"ok"}],
                "stream":true,"stream_options":{"include_usage":true,"include_obfuscation":false},
                "tools":[{"type":"function","function":{"name":"f","strict":true,"parameters":{"$schema":"x","type":"object"}}}],
                "max_completion_tokens":5,"metadata":{"k":"v"},"top_k":"NaN","x":null,"y":[null,"1"]}
                """;
        ChatRequest request = ClientJson.mapper().readValue(json, ChatRequest.class);

        JsonNode written = WireJson.mapper().valueToTree(request);
        assertThat(written).isEqualTo(WireJson.mapper().readTree(json));
    }

    @Test
    void upstreamResponsesStayLenient() {
        // Providers are parsed with WireJson: a number sent as a string must not fail a client's request.
        Usage usage = WireJson.mapper().readValue("{\"prompt_tokens\":\"3\",\"completion_tokens\":2}", Usage.class);

        assertThat(usage.promptTokens()).isEqualTo(3);
        assertThat(WireJson.mapper().readTree("{\"a\":1,\"a\":2}").path("a").asInt()).isEqualTo(2);
    }
}
