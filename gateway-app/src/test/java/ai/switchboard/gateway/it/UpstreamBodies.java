package ai.switchboard.gateway.it;

import java.util.List;

/** OpenAI wire bodies the stub upstreams answer with. */
final class UpstreamBodies {

    private UpstreamBodies() {
    }

    static String chatCompletion(String model, String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,
                 "prompt_tokens_details":{"cached_tokens":4}},"system_fingerprint":"fp_1","service_tier":"default"}
                """.formatted(model, content);
    }

    static String toolCallCompletion(String model) {
        return """
                {"id":"chatcmpl-2","object":"chat.completion","created":1700000000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                 {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                 {"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
                 "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":40,"completion_tokens":20,"total_tokens":60}}
                """.formatted(model);
    }

    /** An SSE body of the given JSON chunks, ending with {@code [DONE]} when {@code done}. */
    static String sse(List<String> chunks, boolean done) {
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        if (done) {
            body.append("data: [DONE]\n\n");
        }
        return body.toString();
    }

    static String textChunk(String model, String content, String finishReason) {
        String delta = content == null ? "{}" : "{\"content\":\"" + content + "\"}";
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}";
    }

    static String roleChunk(String model) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}";
    }

    static String usageChunk(String model) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"" + model
                + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}";
    }

    static String toolChunk(String model, String toolCallJson) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + toolCallJson + "]},\"finish_reason\":null}]}";
    }

    static String embeddings(String model) {
        return """
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,-0.2,0.3]},
                {"object":"embedding","index":1,"embedding":[0.4,0.5,-0.6]}],"model":"%s",
                "usage":{"prompt_tokens":6,"total_tokens":6}}
                """.formatted(model);
    }
}
