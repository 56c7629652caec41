package ai.switchboard.bench.replay.provider;

import ai.switchboard.bench.replay.record.JsonLines;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a replayed answer as OpenAI renders one: a {@code chat.completion} body or {@code chat.completion.chunk}
 * events.
 */
final class ChatReply {

    /** Content characters per stream chunk: a few tokens, as providers send them. */
    static final int CHUNK_CHARS = 24;

    private ChatReply() {
    }

    static String json(String id, long created, String model, ReplayAnswer answer) {
        ObjectNode body = head(id, created, model, "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer.text());
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        usage(body, answer);
        return body.toString();
    }

    /** The SSE events, {@code [DONE]} included: role, content chunks, finish, then usage when asked for. */
    static List<String> events(String id, long created, String model, ReplayAnswer answer, boolean includeUsage) {
        List<String> events = new ArrayList<>();
        events.add(chunk(id, created, model, delta -> delta.put("role", "assistant").put("content", ""), null));
        for (String piece : pieces(answer.text())) {
            events.add(chunk(id, created, model, delta -> delta.put("content", piece), null));
        }
        events.add(chunk(id, created, model, delta -> { }, "stop"));
        if (includeUsage) {
            ObjectNode usage = head(id, created, model, "chat.completion.chunk");
            usage.putArray("choices");
            usage(usage, answer);
            events.add(sse(usage.toString()));
        }
        events.add(sse("[DONE]"));
        return events;
    }

    /** The text cut into chunks of about {@link #CHUNK_CHARS}, never inside a surrogate pair. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + CHUNK_CHARS);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to++;
            }
            pieces.add(text.substring(from, to));
            from = to;
        }
        return pieces;
    }

    private static String chunk(String id, long created, String model, Consumer<ObjectNode> delta,
            String finishReason) {
        ObjectNode chunk = head(id, created, model, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return sse(chunk.toString());
    }

    private static ObjectNode head(String id, long created, String model, String object) {
        ObjectNode node = JsonLines.MAPPER.createObjectNode();
        return node.put("id", id).put("object", object).put("created", created).put("model", model);
    }

    private static void usage(ObjectNode body, ReplayAnswer answer) {
        body.putObject("usage").put("prompt_tokens", answer.promptTokens())
                .put("completion_tokens", answer.completionTokens())
                .put("total_tokens", answer.promptTokens() + answer.completionTokens());
    }

    private static String sse(String data) {
        return "data: " + data + "\n\n";
    }
}
