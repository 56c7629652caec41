package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.FunctionCall;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.bedrock.internal.api.ContentBlockDeltaEvent;
import ai.switchboard.providers.bedrock.internal.api.ContentBlockStartEvent;
import ai.switchboard.providers.bedrock.internal.api.ContentBlockStopEvent;
import ai.switchboard.providers.bedrock.internal.api.MessageStopEvent;
import ai.switchboard.providers.bedrock.internal.api.MetadataEvent;
import ai.switchboard.providers.bedrock.internal.api.ToolUseBlock;
import ai.switchboard.providers.bedrock.internal.client.BedrockErrors;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.StringNode;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;
import tools.jackson.core.JacksonException;

/**
 * Translates the decoded frames of one ConverseStream answer into OpenAI chunks. Stateful and single-use: one
 * instance per stream, fed in order.
 *
 * <p>Tool calls follow the crib sheet's pitfalls: each {@code contentBlockStart.toolUse} gets the next OpenAI tool
 * index from a per-stream counter, kept in a table by {@code contentBlockIndex} (a text block before it must not
 * shift it); input fragments are forwarded verbatim, never trimmed or re-serialized; and at
 * {@code contentBlockStop} the accumulated input must be valid JSON, a zero-argument call getting {@code "{}"}.
 * The stream is complete only after {@code metadata} (which follows {@code messageStop}); {@link #finish()} reports
 * anything less as interrupted.
 */
public final class BedrockStreamTranslator {

    private final ProviderEndpoint endpoint;
    private final ConversePlan plan;
    private final String id;
    private final long created;
    private final String model;
    private final Map<Integer, ToolBlock> toolBlocks = new HashMap<>();
    private int nextToolIndex;
    private boolean started;
    private boolean jsonAnswer;
    private boolean complete;

    public BedrockStreamTranslator(ProviderEndpoint endpoint, ConversePlan plan, String id, long created,
            String model) {
        this.endpoint = endpoint;
        this.plan = plan;
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /**
     * The chunks one frame yields (often none).
     *
     * @throws ai.switchboard.providers.api.ProviderException for exception and error frames, malformed payloads
     *     and invalid tool input
     */
    public List<ChatChunk> onMessage(Message message) {
        String messageType = header(message, ":message-type");
        if ("exception".equals(messageType)) {
            throw BedrockErrors.fromStreamException(endpoint, header(message, ":exception-type"),
                    message.getPayload());
        }
        if ("error".equals(messageType)) {
            throw BedrockErrors.fromStreamError(endpoint, header(message, ":error-code"),
                    header(message, ":error-message"));
        }
        String eventType = header(message, ":event-type");
        try {
            return onEvent(eventType == null ? "" : eventType, message.getPayload());
        }
        catch (JacksonException malformed) {
            throw UpstreamErrors.malformed(endpoint, "a malformed stream event", malformed);
        }
    }

    /** Whether the final {@code metadata} event has been seen; nothing after it matters. */
    public boolean isComplete() {
        return complete;
    }

    /** Called when the upstream body ended: a stream without its closing events was cut off. */
    public void finish() {
        if (!complete) {
            throw UpstreamErrors.streamInterrupted(endpoint);
        }
    }

    private List<ChatChunk> onEvent(String eventType, byte[] payload) {
        return switch (eventType) {
            case "messageStart" -> {
                started = true;
                yield List.of(chunk(new ChatDelta("assistant", "", null, null, null), null));
            }
            case "contentBlockStart" -> start(read(payload, ContentBlockStartEvent.class));
            case "contentBlockDelta" -> delta(read(payload, ContentBlockDeltaEvent.class));
            case "contentBlockStop" -> stop(read(payload, ContentBlockStopEvent.class));
            case "messageStop" -> {
                String reason = StopReasons.finishReason(read(payload, MessageStopEvent.class).stopReason(),
                        jsonAnswer);
                yield withRole(chunk(ChatDelta.empty(), reason));
            }
            case "metadata" -> {
                complete = true;
                MetadataEvent metadata = read(payload, MetadataEvent.class);
                yield metadata.usage() == null ? List.of()
                        : List.of(ChatChunk.usageChunk(id, created, model, BedrockUsage.toOpenAi(metadata.usage())));
            }
            // New event types must not break old gateways.
            default -> List.of();
        };
    }

    private List<ChatChunk> start(ContentBlockStartEvent event) {
        ToolUseBlock toolUse = event.start() == null ? null : event.start().toolUse();
        if (toolUse == null) {
            return List.of();
        }
        if (plan.isJsonTool(toolUse.name())) {
            jsonAnswer = true;
            toolBlocks.put(event.contentBlockIndex(), new ToolBlock(-1));
            return List.of();
        }
        int index = nextToolIndex++;
        toolBlocks.put(event.contentBlockIndex(), new ToolBlock(index));
        ToolCall call = new ToolCall(index, toolUse.toolUseId(), "function",
                new FunctionCall(plan.toolNames().original(toolUse.name()), ""));
        return withRole(chunk(new ChatDelta(null, null, List.of(call), null, null), null));
    }

    private List<ChatChunk> delta(ContentBlockDeltaEvent event) {
        if (event.delta() == null) {
            return List.of();
        }
        if (event.delta().text() != null) {
            return event.delta().text().isEmpty() ? List.of() : withRole(content(event.delta().text()));
        }
        String reasoning = event.delta().reasoningContent() == null ? null
                : event.delta().reasoningContent().path("text").asString(null);
        if (reasoning != null && !reasoning.isEmpty()) {
            return withRole(chunk(new ChatDelta(null, null, null, null, Map.of(
                    BedrockResponseMapper.REASONING_CONTENT, StringNode.valueOf(reasoning))), null));
        }
        if (event.delta().toolUse() == null || event.delta().toolUse().input() == null) {
            // reasoning signatures and unknown deltas have no canonical field
            return List.of();
        }
        ToolBlock block = toolBlocks.get(event.contentBlockIndex());
        if (block == null) {
            throw UpstreamErrors.malformed(endpoint, "tool input for a block that was never started", null);
        }
        String fragment = event.delta().toolUse().input();
        block.arguments.append(fragment);
        if (fragment.isEmpty()) {
            return List.of();
        }
        return block.isJsonAnswer() ? withRole(content(fragment)) : withRole(arguments(block.index, fragment));
    }

    private List<ChatChunk> stop(ContentBlockStopEvent event) {
        ToolBlock block = toolBlocks.remove(event.contentBlockIndex());
        if (block == null) {
            return List.of();
        }
        if (block.arguments.isEmpty()) {
            return block.isJsonAnswer() ? withRole(content("{}")) : withRole(arguments(block.index, "{}"));
        }
        try {
            WireJson.mapper().readTree(block.arguments.toString());
        }
        catch (JacksonException invalid) {
            throw UpstreamErrors.malformed(endpoint, "tool-call input that is not valid JSON", invalid);
        }
        return List.of();
    }

    private ChatChunk content(String text) {
        return chunk(new ChatDelta(null, text, null, null, null), null);
    }

    private ChatChunk arguments(int index, String fragment) {
        ToolCall call = new ToolCall(index, null, null, new FunctionCall(null, fragment));
        return chunk(new ChatDelta(null, null, List.of(call), null, null), null);
    }

    /** Prepends the role chunk if the upstream skipped {@code messageStart}, so clients always see one first. */
    private List<ChatChunk> withRole(ChatChunk chunk) {
        if (started) {
            return List.of(chunk);
        }
        started = true;
        return List.of(chunk(new ChatDelta("assistant", "", null, null, null), null), chunk);
    }

    private ChatChunk chunk(ChatDelta delta, String finishReason) {
        return new ChatChunk(id, ChatChunk.OBJECT, created, model,
                List.of(new ChunkChoice(0, delta, null, finishReason, null)), null, null, null);
    }

    private static <T> T read(byte[] payload, Class<T> type) {
        return WireJson.mapper().readValue(payload, type);
    }

    private static String header(Message message, String name) {
        HeaderValue value = message.getHeaders().get(name);
        return value == null ? null : value.getString();
    }

    /** A tool-use block in progress; index -1 marks the emulated JSON answer, streamed as content. */
    private static final class ToolBlock {

        final int index;
        final StringBuilder arguments = new StringBuilder();

        ToolBlock(int index) {
            this.index = index;
        }

        boolean isJsonAnswer() {
            return index < 0;
        }
    }
}
