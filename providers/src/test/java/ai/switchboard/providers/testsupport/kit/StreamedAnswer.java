package ai.switchboard.providers.testsupport.kit;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an OpenAI client reassembles from a chunk stream, the way the official SDKs do it: text concatenated,
 * tool-call fragments concatenated by {@code index}, finish reasons and usage collected.
 */
public final class StreamedAnswer {

    private final List<ChatChunk> chunks;
    private final StringBuilder text = new StringBuilder();
    private final List<String> finishReasons = new ArrayList<>();
    private final Map<Integer, List<ToolCall>> fragments = new TreeMap<>();

    private StreamedAnswer(List<ChatChunk> chunks) {
        this.chunks = List.copyOf(chunks);
        for (ChatChunk chunk : chunks) {
            for (ChunkChoice choice : chunk.choices()) {
                if (choice.finishReason() != null) {
                    finishReasons.add(choice.finishReason());
                }
                if (choice.delta() == null) {
                    continue;
                }
                if (choice.delta().content() != null) {
                    text.append(choice.delta().content());
                }
                if (choice.delta().toolCalls() != null) {
                    choice.delta().toolCalls().forEach(call ->
                            fragments.computeIfAbsent(call.index(), index -> new ArrayList<>()).add(call));
                }
            }
        }
    }

    public static StreamedAnswer of(List<ChatChunk> chunks) {
        return new StreamedAnswer(chunks);
    }

    public List<ChatChunk> chunks() {
        return chunks;
    }

    public String text() {
        return text.toString();
    }

    /** Every non-null finish reason, in order; a well-formed single-choice stream has exactly one. */
    public List<String> finishReasons() {
        return finishReasons;
    }

    /** The tool-call indexes seen, ascending. */
    public List<Integer> toolIndexes() {
        return List.copyOf(fragments.keySet());
    }

    /** The fragments of the call at {@code index}, in order. */
    public List<ToolCall> fragments(int index) {
        return fragments.getOrDefault(index, List.of());
    }

    /** The arguments of the call at {@code index}: its fragments' arguments concatenated, nulls skipped. */
    public String arguments(int index) {
        StringBuilder arguments = new StringBuilder();
        for (ToolCall call : fragments(index)) {
            if (call.function() != null && call.function().arguments() != null) {
                arguments.append(call.function().arguments());
            }
        }
        return arguments.toString();
    }

    /** The usage of the last chunk, or {@code null}. */
    public Usage finalUsage() {
        return chunks.isEmpty() ? null : chunks.getLast().usage();
    }

    /** How many chunks carry usage. */
    public long chunksWithUsage() {
        return chunks.stream().filter(chunk -> chunk.usage() != null).count();
    }
}
