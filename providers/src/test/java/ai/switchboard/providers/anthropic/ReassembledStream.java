package ai.switchboard.providers.anthropic;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an OpenAI SDK client would build from a list of chunks: text, tool calls concatenated by index, the finish
 * reason and the usage of the final chunk.
 */
public record ReassembledStream(String text, Map<Integer, String> toolIds, Map<Integer, String> toolNames,
        Map<Integer, String> toolArguments, String finishReason, Usage usage) {

    public static ReassembledStream of(List<ChatChunk> chunks) {
        StringBuilder text = new StringBuilder();
        Map<Integer, String> ids = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        String finish = null;
        Usage usage = null;
        for (ChatChunk chunk : chunks) {
            usage = chunk.usage() != null ? chunk.usage() : usage;
            for (ChunkChoice choice : chunk.choices()) {
                finish = choice.finishReason() != null ? choice.finishReason() : finish;
                if (choice.delta().content() != null) {
                    text.append(choice.delta().content());
                }
                if (choice.delta().toolCalls() == null) {
                    continue;
                }
                for (ToolCall call : choice.delta().toolCalls()) {
                    if (call.id() != null) {
                        ids.put(call.index(), call.id());
                        names.put(call.index(), call.function().name());
                    }
                    arguments.computeIfAbsent(call.index(), i -> new StringBuilder())
                            .append(call.function().arguments());
                }
            }
        }
        Map<Integer, String> joined = new TreeMap<>();
        arguments.forEach((index, builder) -> joined.put(index, builder.toString()));
        return new ReassembledStream(text.toString(), ids, names, joined, finish, usage);
    }
}
