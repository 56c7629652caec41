package ai.switchboard.gateway.cache;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored chat completion told again as OpenAI streams it: for each choice a chunk with the role and the whole
 * content (and tool calls, indexed as deltas are), then a chunk with the finish reason and an empty delta; then the
 * usage chunk (which the handler drops for a client that did not ask for it). The event writer adds {@code [DONE]}.
 */
final class ChatReplay {

    private ChatReplay() {
    }

    static List<ChatChunk> chunks(ChatResponse answer) {
        long created = answer.created() == null ? 0 : answer.created();
        List<ChatChunk> chunks = new ArrayList<>(answer.choices().size() * 2 + 1);
        for (ChatChoice choice : answer.choices()) {
            ChatMessage message = choice.message();
            ChatDelta delta = new ChatDelta(message.role() == null ? "assistant" : message.role(),
                    message.content() == null || message.content().isNull() ? null : message.text(),
                    indexed(message.toolCalls()), message.refusal(), message.extra());
            chunks.add(chunk(answer, created, new ChunkChoice(choice.index(), delta, null, null, null)));
            chunks.add(chunk(answer, created,
                    new ChunkChoice(choice.index(), ChatDelta.empty(), null, choice.finishReason(), null)));
        }
        if (answer.usage() != null) {
            chunks.add(new ChatChunk(answer.id(), ChatChunk.OBJECT, created, answer.model(), List.of(),
                    answer.usage(), answer.systemFingerprint(), null));
        }
        return chunks;
    }

    private static ChatChunk chunk(ChatResponse answer, long created, ChunkChoice choice) {
        return new ChatChunk(answer.id(), ChatChunk.OBJECT, created, answer.model(), List.of(choice), null,
                answer.systemFingerprint(), null);
    }

    private static List<ToolCall> indexed(List<ToolCall> calls) {
        if (calls == null || calls.isEmpty()) {
            return null;
        }
        List<ToolCall> indexed = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            indexed.add(new ToolCall(i, call.id(), call.type() == null ? "function" : call.type(), call.function()));
        }
        return indexed;
    }
}
