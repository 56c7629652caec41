package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.ContentBlockDeltaEvent;
import ai.switchboard.gateway.api.messages.wire.ContentBlockStartEvent;
import ai.switchboard.gateway.api.messages.wire.ContentBlockStopEvent;
import ai.switchboard.gateway.api.messages.wire.InputJsonDelta;
import ai.switchboard.gateway.api.messages.wire.MessageDelta;
import ai.switchboard.gateway.api.messages.wire.MessageDeltaEvent;
import ai.switchboard.gateway.api.messages.wire.MessageStartEvent;
import ai.switchboard.gateway.api.messages.wire.MessageStopEvent;
import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.MessagesResponse;
import ai.switchboard.gateway.api.messages.wire.PingEvent;
import ai.switchboard.gateway.api.messages.wire.TextDelta;
import ai.switchboard.gateway.api.messages.wire.ThinkingDelta;
import ai.switchboard.providers.anthropic.api.AnthropicContent;
import ai.switchboard.providers.anthropic.api.TextContent;
import ai.switchboard.providers.anthropic.api.ThinkingContent;
import ai.switchboard.providers.anthropic.api.ToolUseContent;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates one canonical chunk stream into Anthropic's stream events, a chunk at a time; one instance per stream,
 * fed serially.
 *
 * <p>Nothing is emitted until the answer has content: {@code message_start} (with the id and model of the latest
 * chunk) goes out together with the first content block. Until then the stream has not committed to its upstream,
 * so a failure propagates as it came, and a candidate that takes over after failover starts the stream afresh.
 *
 * <p>Anthropic's blocks follow one another, each opened, filled and closed before the next: reasoning becomes a
 * {@code thinking} block (without a signature, which only Anthropic makes; left out when the client asked for
 * omitted thinking), text and refusals a {@code text} block, and each OpenAI tool call a {@code tool_use} block whose
 * argument fragments pass verbatim as {@code input_json_delta}s. A table maps OpenAI's tool index to its block, so
 * fragments land on the right call (the bug behind pitfalls 1 and 2 of PROVIDERS.md); fragments of a call whose block
 * already closed cannot be expressed and fail the stream. The stop reason and usage (reported by the final usage
 * chunk) go out in {@code message_delta} when the canonical stream completes, followed by {@code message_stop}.
 */
public final class MessagesStreamTranslator {

    /** Bounds the tool table, so a hostile or broken upstream cannot make the gateway allocate at will. */
    private static final int MAX_TOOL_CALLS = 4096;

    private enum Block { NONE, THINKING, TEXT, TOOL }

    private final ReplyOptions options;
    private final Map<Integer, Boolean> toolOpen = new HashMap<>();
    private String id;
    private String model;
    private boolean started;
    private Block open = Block.NONE;
    private int openIndex = -1;
    private int openTool = -1;
    private ChunkChoice finish;
    private boolean refused;
    private Usage usage;

    public MessagesStreamTranslator(ReplyOptions options) {
        this.options = options;
    }

    /** Whether the stream has started, that is whether its first content has been emitted. */
    public boolean started() {
        return started;
    }

    /** The events a chunk yields, possibly none. */
    public List<MessagesEvent> next(ChatChunk chunk) {
        if (!started) {
            id = chunk.id() != null ? chunk.id() : id;
            model = chunk.model() != null ? chunk.model() : model;
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.choices().isEmpty()) {
            return List.of();
        }
        ChunkChoice choice = chunk.choices().getFirst();
        List<MessagesEvent> events = new ArrayList<>(2);
        ChatDelta delta = choice.delta();
        if (delta != null) {
            String reasoning = Reasoning.of(delta.extra());
            if (reasoning != null && options.thinkingShown()) {
                open(Block.THINKING, new ThinkingContent("", ""), events);
                events.add(new ContentBlockDeltaEvent(openIndex, new ThinkingDelta(reasoning)));
            }
            text(delta.content(), events);
            if (delta.refusal() != null && !delta.refusal().isEmpty()) {
                refused = true;
                text(delta.refusal(), events);
            }
            if (delta.toolCalls() != null) {
                for (ToolCall call : delta.toolCalls()) {
                    toolCall(call, events);
                }
            }
        }
        if (choice.finishReason() != null) {
            finish = choice;
            close(events);
        }
        return behindStart(events);
    }

    /** The events that end a stream the upstream completed; a stream that never sent a chunk is malformed. */
    public List<MessagesEvent> finish() {
        if (id == null && model == null && finish == null) {
            throw malformed("no chunk at all");
        }
        List<MessagesEvent> events = new ArrayList<>(4);
        if (!started) {
            events.add(start());
        }
        close(events);
        MessageDelta stop = refused ? new MessageDelta("refusal", null)
                : finish == null ? StopReasons.of(null, !toolOpen.isEmpty(), Map.of(), options)
                : StopReasons.of(finish, !toolOpen.isEmpty(), options);
        events.add(new MessageDeltaEvent(stop, MessagesUsage.of(usage)));
        events.add(new MessageStopEvent());
        return events;
    }

    private void text(String text, List<MessagesEvent> events) {
        if (text != null && !text.isEmpty()) {
            open(Block.TEXT, new TextContent(""), events);
            events.add(new ContentBlockDeltaEvent(openIndex, new TextDelta(text)));
        }
    }

    private void toolCall(ToolCall call, List<MessagesEvent> events) {
        int index = call.index() != null ? call.index() : openTool >= 0 ? openTool : toolOpen.size();
        String fragment = call.function() == null ? null : call.function().arguments();
        Boolean isOpen = toolOpen.get(index);
        if (isOpen == null) {
            String name = call.function() == null ? null : call.function().name();
            if (call.id() == null || name == null || toolOpen.size() >= MAX_TOOL_CALLS) {
                throw malformed("a tool call fragment that belongs to no started call");
            }
            close(events);
            toolOpen.put(index, Boolean.TRUE);
            openTool = index;
            open(Block.TOOL, new ToolUseContent(call.id(), name, MessagesJson.NODES.objectNode()), events);
        }
        else if (!isOpen) {
            throw malformed("tool call fragments interleaved with another call's");
        }
        if (fragment != null && !fragment.isEmpty()) {
            events.add(new ContentBlockDeltaEvent(openIndex, new InputJsonDelta(fragment)));
        }
    }

    private void open(Block kind, AnthropicContent empty, List<MessagesEvent> events) {
        if (open == kind && kind != Block.TOOL) {
            return;
        }
        close(events);
        open = kind;
        openIndex++;
        events.add(new ContentBlockStartEvent(openIndex, empty));
    }

    private void close(List<MessagesEvent> events) {
        if (open == Block.NONE) {
            return;
        }
        if (open == Block.TOOL) {
            toolOpen.put(openTool, Boolean.FALSE);
            openTool = -1;
        }
        open = Block.NONE;
        events.add(new ContentBlockStopEvent(openIndex));
    }

    /** The first content goes out behind {@code message_start}, and a {@code ping} follows its block's start. */
    private List<MessagesEvent> behindStart(List<MessagesEvent> events) {
        if (started || events.isEmpty()) {
            return events;
        }
        List<MessagesEvent> opening = new ArrayList<>(events.size() + 2);
        opening.add(start());
        opening.add(events.getFirst());
        opening.add(new PingEvent());
        opening.addAll(events.subList(1, events.size()));
        return opening;
    }

    private MessagesEvent start() {
        started = true;
        return new MessageStartEvent(new MessagesResponse(id, model, List.of(), null, null, MessagesUsage.of(null)));
    }

    private static ProviderException malformed(String what) {
        return ProviderException.of(ErrorType.MALFORMED_RESPONSE, "The upstream stream sent " + what);
    }
}
