package ai.switchboard.providers.testsupport;

import java.util.List;

/** Canonical OpenAI bodies (responses and stream chunks) shaped like the real API's, for adapter tests. */
public final class OpenAiFixtures {

    private static final String ENVELOPE =
            "\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\"";

    private OpenAiFixtures() {
    }

    /** A non-streamed answer saying {@code text}, with usage (two of its three completion tokens reasoning). */
    public static String chatResponse(String text) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o",\
                "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},\
                "logprobs":null,"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,\
                "prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":2}},\
                "system_fingerprint":"fp_1","service_tier":"default"}""".formatted(text);
    }

    /** A chunk with a content delta. */
    public static String contentChunk(String content) {
        return "{" + ENVELOPE + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
                + "\"},\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x1\"}";
    }

    /** The first chunk, carrying the role and empty content. */
    public static String roleChunk() {
        return "{" + ENVELOPE + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"finish_reason\":null}],\"usage\":null}";
    }

    /** The first fragment of tool call {@code index}. */
    public static String toolCallStart(int index, String id, String name) {
        return "{" + ENVELOPE + ",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + index
                + ",\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name
                + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}],\"usage\":null}";
    }

    /** A later fragment of tool call {@code index}; {@code jsonEscapedArguments} is escaped for a JSON string. */
    public static String toolCallArguments(int index, String jsonEscapedArguments) {
        return "{" + ENVELOPE + ",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + index
                + ",\"function\":{\"arguments\":\"" + jsonEscapedArguments + "\"}}]},\"finish_reason\":null}],"
                + "\"usage\":null}";
    }

    /** The chunk with an empty delta and the finish reason. */
    public static String finishChunk(String finishReason) {
        return "{" + ENVELOPE + ",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + finishReason
                + "\"}],\"usage\":null}";
    }

    /** The usage chunk sent with {@code stream_options.include_usage}: no choices. */
    public static String usageChunk(int promptTokens, int completionTokens) {
        return "{" + ENVELOPE + ",\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens
                + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":0}}}";
    }

    /** An Azure content-filter chunk: empty choices and filter results only. */
    public static String azureFilterChunk() {
        return "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"choices\":[],"
                + "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}";
    }

    /** A complete text stream: role, the given pieces, finish {@code stop}. */
    public static List<String> textStream(String... pieces) {
        List<String> chunks = new java.util.ArrayList<>();
        chunks.add(roleChunk());
        for (String piece : pieces) {
            chunks.add(contentChunk(piece));
        }
        chunks.add(finishChunk("stop"));
        return chunks;
    }

    /** An OpenAI error body. */
    public static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }
}
