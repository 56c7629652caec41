package ai.switchboard.providers.testsupport;

import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Responses API bodies and streams as OpenAI writes them, for the native pass-through tests. */
public final class ResponsesFixtures {

    /** A Codex-like request: namespace tools, a hosted tool and a field the gateway does not know. */
    public static final String REQUEST = """
            {"model":"gpt-5-codex","input":[{"type":"message","role":"developer","content":"Be careful."},
             {"role":"user","content":"hi"}],"stream":false,"store":false,
             "include":["reasoning.encrypted_content"],"reasoning":{"summary":"auto"},"client_metadata":{"a":"b"},
             "tools":[{"type":"namespace","name":"multi_agent_v1","description":"d","tools":[{"type":"function",
              "name":"spawn","parameters":{"type":"object"}}]},{"type":"web_search"}]}""";

    public static final String RESPONSE = """
            {"id":"resp_1","object":"response","created_at":1700000000,"status":"completed","error":null,
             "incomplete_details":null,"instructions":null,"model":"gpt-5-codex","parallel_tool_calls":true,
             "temperature":1.0,"top_p":1.0,"tool_choice":"auto","tools":[],"metadata":{},
             "output":[{"type":"message","id":"msg_1","status":"completed","role":"assistant",
              "content":[{"type":"output_text","text":"Hello","annotations":[],"logprobs":[]}]}],
             "usage":{"input_tokens":5,"input_tokens_details":{"cached_tokens":0},"output_tokens":1,
              "output_tokens_details":{"reasoning_tokens":0},"total_tokens":6}}""";

    private ResponsesFixtures() {
    }

    public static ObjectNode request() {
        return (ObjectNode) WireJson.mapper().readTree(REQUEST);
    }

    /** A text stream, as named events; {@code terminal} false cuts it before {@code response.completed}. */
    public static String stream(boolean terminal) {
        String created = "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\","
                + "\"status\":\"in_progress\",\"output\":[]}}";
        List<String> events = new ArrayList<>(List.of(
                "response.created", created,
                "response.in_progress", created.replace("response.created", "response.in_progress")
                        .replace("\"sequence_number\":0", "\"sequence_number\":1"),
                "response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":2,"
                        + "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hel\"}",
                "response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":3,"
                        + "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"lo\"}"));
        if (terminal) {
            events.addAll(List.of("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":4,"
                    + "\"response\":" + WireJson.mapper().readTree(RESPONSE) + "}"));
        }
        return SseBodies.namedEvents(events);
    }
}
