package ai.switchboard.gateway.cache;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.FunctionCall;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.StringNode;

/**
 * Puts a streamed chat answer back together as the chat completion it amounts to, so that a stream's answer can be
 * stored once and replayed as JSON or as a stream alike. A chunk carrying what the replay could not reproduce
 * (log probabilities, fields the gateway does not know) makes the answer unstorable rather than stored half.
 */
final class ChatStreamRecorder {

    private String id;
    private Long created;
    private String model;
    private String systemFingerprint;
    private Usage usage;
    private boolean unstorable;
    private final Map<Integer, Choice> choices = new TreeMap<>();

    void add(ChatChunk chunk) {
        if (id == null) {
            id = chunk.id();
            created = chunk.created();
            model = chunk.model();
            systemFingerprint = chunk.systemFingerprint();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (!chunk.extra().isEmpty()) {
            unstorable = true;
        }
        for (ChunkChoice choice : chunk.choices()) {
            if (choice.logprobs() != null && !choice.logprobs().isNull() || !choice.extra().isEmpty()
                    || choice.delta() != null && !choice.delta().extra().isEmpty()) {
                unstorable = true;
                return;
            }
            choices.computeIfAbsent(choice.index() == null ? 0 : choice.index(), index -> new Choice()).add(choice);
        }
    }

    /** The whole answer, or {@code null} when it cannot be stored faithfully. */
    ChatResponse response() {
        if (unstorable || choices.isEmpty()) {
            return null;
        }
        List<ChatChoice> whole = new ArrayList<>(choices.size());
        choices.forEach((index, choice) -> whole.add(choice.toChoice(index)));
        return new ChatResponse(id, ChatResponse.OBJECT, created, model, whole, usage, systemFingerprint, null);
    }

    private static final class Choice {

        private String role;
        private StringBuilder content;
        private StringBuilder refusal;
        private String finishReason;
        private final Map<Integer, Call> calls = new TreeMap<>();

        void add(ChunkChoice chunk) {
            if (chunk.finishReason() != null) {
                finishReason = chunk.finishReason();
            }
            if (chunk.delta() == null) {
                return;
            }
            if (chunk.delta().role() != null) {
                role = chunk.delta().role();
            }
            if (chunk.delta().content() != null) {
                content = (content == null ? new StringBuilder() : content).append(chunk.delta().content());
            }
            if (chunk.delta().refusal() != null) {
                refusal = (refusal == null ? new StringBuilder() : refusal).append(chunk.delta().refusal());
            }
            if (chunk.delta().toolCalls() != null) {
                for (ToolCall call : chunk.delta().toolCalls()) {
                    calls.computeIfAbsent(call.index() == null ? calls.size() : call.index(), i -> new Call())
                            .add(call);
                }
            }
        }

        ChatChoice toChoice(int index) {
            List<ToolCall> toolCalls = null;
            if (!calls.isEmpty()) {
                toolCalls = new ArrayList<>(calls.size());
                for (Call call : calls.values()) {
                    toolCalls.add(ToolCall.of(call.id, call.name, call.arguments.toString()));
                }
            }
            ChatMessage message = new ChatMessage(role == null ? "assistant" : role,
                    content == null ? null : StringNode.valueOf(content.toString()), null, toolCalls, null,
                    refusal == null ? null : refusal.toString(), null);
            return new ChatChoice(index, message, null, finishReason, null);
        }
    }

    private static final class Call {

        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        void add(ToolCall delta) {
            if (delta.id() != null) {
                id = delta.id();
            }
            FunctionCall function = delta.function();
            if (function != null) {
                if (function.name() != null) {
                    name = function.name();
                }
                if (function.arguments() != null) {
                    arguments.append(function.arguments());
                }
            }
        }
    }
}
