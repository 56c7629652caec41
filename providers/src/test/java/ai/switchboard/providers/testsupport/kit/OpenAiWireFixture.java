package ai.switchboard.providers.testsupport.kit;

import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders kit replies in the OpenAI wire format (crib sheet section 1), for the fixtures of every adapter whose
 * upstream speaks it: OpenAI itself, Azure OpenAI and the OpenAI-compatible servers.
 */
public final class OpenAiWireFixture {

    private static final long CREATED = 1_700_000_000L;

    private OpenAiWireFixture() {
    }

    /** A {@code chat.completion} body. */
    public static String chatBody(UpstreamReply reply, String model) {
        ObjectNode message = WireJson.mapper().createObjectNode().put("role", "assistant");
        if (reply.hasText()) {
            message.put("content", reply.text());
        }
        else {
            message.putNull("content");
        }
        message.putNull("refusal");
        if (!reply.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            reply.toolCalls().forEach(call -> calls.addObject().put("id", call.id()).put("type", "function")
                    .putObject("function").put("name", call.name()).put("arguments", call.arguments()));
        }
        ObjectNode body = envelope(reply, model, "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", reply.finish().openAi());
        body.set("usage", usage(reply.usage()));
        body.put("system_fingerprint", "fp_kit");
        return body.toString();
    }

    /**
     * The {@code data:} payloads of a stream: role, text pieces, each call's head then its argument fragments, the
     * finish chunk and the usage chunk (as sent with {@code stream_options.include_usage}); no {@code [DONE]}.
     */
    public static List<String> chunks(UpstreamReply reply, String model) {
        List<String> chunks = new ArrayList<>();
        chunks.add(chunk(reply, model, delta -> delta.put("role", "assistant").put("content", "")));
        reply.textPieces().forEach(piece -> chunks.add(chunk(reply, model, delta -> delta.put("content", piece))));
        for (int index = 0; index < reply.toolCalls().size(); index++) {
            UpstreamToolCall call = reply.toolCalls().get(index);
            int toolIndex = index;
            chunks.add(chunk(reply, model, delta -> delta.putArray("tool_calls").addObject().put("index", toolIndex)
                    .put("id", call.id()).put("type", "function").putObject("function").put("name", call.name())
                    .put("arguments", "")));
            call.argumentFragments().forEach(fragment -> chunks.add(chunk(reply, model, delta -> delta
                    .putArray("tool_calls").addObject().put("index", toolIndex).putObject("function")
                    .put("arguments", fragment))));
        }
        ObjectNode finish = envelope(reply, model, "chat.completion.chunk");
        ObjectNode choice = finish.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", reply.finish().openAi());
        finish.putNull("usage");
        chunks.add(finish.toString());
        ObjectNode usage = envelope(reply, model, "chat.completion.chunk");
        usage.putArray("choices");
        usage.set("usage", usage(reply.usage()));
        chunks.add(usage.toString());
        return chunks;
    }

    /** A complete SSE transcript ending in {@code data: [DONE]}. */
    public static StreamTranscript transcript(List<String> chunks) {
        List<String> events = new ArrayList<>();
        chunks.forEach(chunk -> events.add("data: " + chunk + "\n\n"));
        events.add("data: [DONE]\n\n");
        return StreamTranscript.sse(events);
    }

    /** OpenAI's error envelope. */
    public static String errorBody(String message, String type, String code) {
        ObjectNode error = WireJson.mapper().createObjectNode();
        error.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
        return error.toString();
    }

    /** The usage object with OpenAI's details. */
    public static ObjectNode usage(UpstreamUsage usage) {
        ObjectNode node = WireJson.mapper().createObjectNode().put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens()).put("total_tokens", usage.totalTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedTokens()).put("audio_tokens", 0);
        node.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return node;
    }

    private static String chunk(UpstreamReply reply, String model, java.util.function.Consumer<ObjectNode> delta) {
        ObjectNode chunk = envelope(reply, model, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        chunk.putNull("usage");
        return chunk.toString();
    }

    private static ObjectNode envelope(UpstreamReply reply, String model, String object) {
        return WireJson.mapper().createObjectNode().put("id", "chatcmpl-" + reply.id()).put("object", object)
                .put("created", CREATED).put("model", model);
    }
}
