package ai.switchboard.providers.testsupport.kit;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import java.util.List;

/**
 * The canonical (OpenAI-shaped) requests the kit sends, and the values fixtures look for in what the adapter sent
 * upstream. Written as JSON, the way a client sends them, so the records' parsing is exercised too.
 */
public final class KitRequests {

    public static final String USER_TEXT = "Say hello";
    public static final String SYSTEM_TEXT = "You are a terse assistant.";
    /** The three turns of {@link #multiTurn(String)}, in order. */
    public static final List<String> TURNS = List.of("My name is Ada.", "Hello Ada.", "What is my name?");
    public static final String TOOL_NAME = "get_weather";
    public static final String SECOND_TOOL_NAME = "get_time";
    public static final String TOOL_CALL_ID = "call_kit_1";
    /** The arguments of the tool call in {@link #toolResult(String)}. */
    public static final String TOOL_ARGUMENTS = "{\"city\":\"Paris\"}";
    public static final String TOOL_RESULT = "{\"temperature_c\":21}";
    public static final String IMAGE_DATA_URL = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    public static final String IMAGE_HTTPS_URL = "https://images.example.com/cat.png";
    public static final String STOP_SEQUENCE = "END";
    public static final int MAX_TOKENS = 5;
    public static final String SCHEMA_NAME = "answer";

    private static final String TOOLS = """
            [{"type":"function","function":{"name":"get_weather","description":"Current weather in a city",
              "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
             {"type":"function","function":{"name":"get_time","description":"Current time in a city",
              "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]""";

    private KitRequests() {
    }

    public static ChatRequest plain(String model) {
        return parse(model, "[" + user(USER_TEXT) + "]", "");
    }

    public static ChatRequest withSystem(String model) {
        return parse(model, "[{\"role\":\"system\",\"content\":\"" + SYSTEM_TEXT + "\"}," + user(USER_TEXT) + "]",
                "");
    }

    public static ChatRequest multiTurn(String model) {
        return parse(model, "[" + user(TURNS.get(0)) + ",{\"role\":\"assistant\",\"content\":\"" + TURNS.get(1)
                + "\"}," + user(TURNS.get(2)) + "]", "");
    }

    /** A question with two tools offered and {@code tool_choice: auto}. */
    public static ChatRequest withTools(String model) {
        return parse(model, "[" + user("What is the weather in Paris?") + "]",
                ",\"tools\":" + TOOLS + ",\"tool_choice\":\"auto\"");
    }

    /** The second leg of a round trip: the assistant's tool call and its result sent back. */
    public static ChatRequest toolResult(String model) {
        String call = "{\"id\":\"" + TOOL_CALL_ID + "\",\"type\":\"function\",\"function\":{\"name\":\"" + TOOL_NAME
                + "\",\"arguments\":" + WireJson.mapper().writeValueAsString(TOOL_ARGUMENTS) + "}}";
        return parse(model, "[" + user("What is the weather in Paris?")
                + ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call + "]}"
                + ",{\"role\":\"tool\",\"tool_call_id\":\"" + TOOL_CALL_ID + "\",\"content\":"
                + WireJson.mapper().writeValueAsString(TOOL_RESULT) + "}]", ",\"tools\":" + TOOLS);
    }

    /** A text part followed by one image part holding {@code url}. */
    public static ChatRequest withImage(String model, String url) {
        return parse(model, "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is in this image?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + url + "\",\"detail\":\"low\"}}]}]", "");
    }

    public static ChatRequest jsonObject(String model) {
        return parse(model, "[" + user("Answer in JSON.") + "]", ",\"response_format\":{\"type\":\"json_object\"}");
    }

    public static ChatRequest jsonSchema(String model) {
        return parse(model, "[" + user("Answer in JSON.") + "]", """
                ,"response_format":{"type":"json_schema","json_schema":{"name":"answer","strict":true,
                "schema":{"type":"object","properties":{"answer":{"type":"integer"}},"required":["answer"],
                "additionalProperties":false}}}""");
    }

    public static ChatRequest withStop(String model) {
        return parse(model, "[" + user("Count to ten.") + "]", ",\"stop\":[\"" + STOP_SEQUENCE + "\"]");
    }

    public static ChatRequest withMaxTokens(String model) {
        return parse(model, "[" + user("Tell a long story.") + "]", ",\"max_completion_tokens\":" + MAX_TOKENS);
    }

    /** The streaming form the gateway sends: {@code stream} with a final usage chunk requested. */
    public static ChatRequest streamed(ChatRequest request) {
        return request.withStreamUsage();
    }

    private static String user(String text) {
        return "{\"role\":\"user\",\"content\":\"" + text + "\"}";
    }

    private static ChatRequest parse(String model, String messages, String more) {
        return WireJson.mapper().readValue("{\"model\":\"" + model + "\",\"messages\":" + messages + more + "}",
                ChatRequest.class);
    }
}
