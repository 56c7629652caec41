package ai.switchboard.providers.anthropic.internal.mapper;

import ai.switchboard.providers.anthropic.internal.api.AnthropicResponseBlock;
import ai.switchboard.providers.anthropic.internal.api.AnthropicStreamDelta;
import ai.switchboard.providers.anthropic.internal.api.AnthropicStreamEvent;
import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.FunctionCall;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.error.UpstreamErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Translates one Anthropic event stream into OpenAI chunks, one event at a time; one instance per stream, fed
 * serially (as Reactor delivers signals). Error events are the caller's business and never reach {@link #next}.
 *
 * <p>OpenAI tool-call indexes count tool calls only, while Anthropic's block index counts every block, text
 * included. A table maps each {@code tool_use} block index to the OpenAI index it was given when it started, so
 * fragments always land on the right call however blocks interleave (the gateway bugs behind pitfalls 1 and 2).
 * Argument fragments are forwarded byte for byte; a tool block that closes without any fragment gets {@code "{}"}
 * so the client has valid JSON to parse (pitfall 3).
 */
public final class AnthropicStreamTranslator {

    /** Bounds the block table, so a hostile or broken upstream cannot make the gateway allocate at will. */
    private static final int MAX_BLOCKS = 4096;

    private static final int NOT_A_TOOL = -1;

    private final ProviderEndpoint endpoint;
    private final String requestModel;
    private final long created;
    private String id;
    private String model;
    private AnthropicUsage usage;
    private int[] toolIndexByBlock = new int[8];
    private boolean[] argumentsSentByBlock = new boolean[8];
    private int toolCount;
    private boolean finished;
    private boolean stopped;

    public AnthropicStreamTranslator(ProviderEndpoint endpoint, String requestModel, long created) {
        this.endpoint = endpoint;
        this.requestModel = requestModel;
        this.created = created;
        Arrays.fill(toolIndexByBlock, NOT_A_TOOL);
    }

    /** Whether {@code message_stop} arrived: only then is the stream complete. */
    public boolean stopped() {
        return stopped;
    }

    /** The chunk this event yields, or {@code null} for events that carry nothing for the client. */
    public ChatChunk next(AnthropicStreamEvent event) {
        String type = event.type() == null ? "" : event.type();
        return switch (type) {
            case AnthropicStreamEvent.MESSAGE_START -> start(event);
            case AnthropicStreamEvent.CONTENT_BLOCK_START -> blockStart(started(event));
            case AnthropicStreamEvent.CONTENT_BLOCK_DELTA -> blockDelta(started(event));
            case AnthropicStreamEvent.CONTENT_BLOCK_STOP -> blockStop(started(event));
            case AnthropicStreamEvent.MESSAGE_DELTA -> messageDelta(started(event));
            case AnthropicStreamEvent.MESSAGE_STOP -> {
                started(event);
                yield messageStop();
            }
            // ping, and event types added after this adapter was written, carry nothing to translate.
            default -> null;
        };
    }

    /** Chunks need the message's id and model, which only message_start gives. */
    private AnthropicStreamEvent started(AnthropicStreamEvent event) {
        if (id == null) {
            throw UpstreamErrors.malformed(endpoint, "a stream that did not begin with message_start", null);
        }
        return event;
    }

    private ChatChunk start(AnthropicStreamEvent event) {
        if (id != null || event.message() == null) {
            throw UpstreamErrors.malformed(endpoint, "an unexpected message_start event", null);
        }
        id = event.message().id() != null ? event.message().id() : "msg_unknown";
        model = event.message().model() != null ? event.message().model() : requestModel;
        usage = event.message().usage();
        return chunk(new ChatDelta("assistant", "", null, null, null), null);
    }

    private ChatChunk blockStart(AnthropicStreamEvent event) {
        AnthropicResponseBlock block = event.contentBlock();
        if (block == null) {
            return null;
        }
        if (AnthropicResponseBlock.TOOL_USE.equals(block.type())) {
            int blockIndex = blockIndex(event);
            int toolIndex = toolCount++;
            toolIndexByBlock[blockIndex] = toolIndex;
            return toolChunk(new ToolCall(toolIndex, block.id(), "function", new FunctionCall(block.name(), "")));
        }
        if (AnthropicResponseBlock.TEXT.equals(block.type()) && block.text() != null && !block.text().isEmpty()) {
            return text(block.text());
        }
        return null;
    }

    private ChatChunk blockDelta(AnthropicStreamEvent event) {
        AnthropicStreamDelta delta = event.delta();
        if (delta == null) {
            return null;
        }
        if (AnthropicStreamDelta.TEXT_DELTA.equals(delta.type())) {
            return delta.text() == null || delta.text().isEmpty() ? null : text(delta.text());
        }
        if (AnthropicStreamDelta.INPUT_JSON_DELTA.equals(delta.type())) {
            int blockIndex = blockIndex(event);
            int toolIndex = toolIndexByBlock[blockIndex];
            String fragment = delta.partialJson();
            // Server-tool blocks stream input too; only client tool_use blocks are in the table.
            if (toolIndex == NOT_A_TOOL || fragment == null || fragment.isEmpty()) {
                return null;
            }
            argumentsSentByBlock[blockIndex] = true;
            return arguments(toolIndex, fragment);
        }
        if (AnthropicStreamDelta.THINKING_DELTA.equals(delta.type())) {
            return delta.thinking() == null || delta.thinking().isEmpty() ? null
                    : chunk(new ChatDelta(null, null, null, null, Map.of(AnthropicResponseMapper.REASONING_CONTENT,
                            JsonNodeFactory.instance.stringNode(delta.thinking()))), null);
        }
        // signature_delta, citations_delta: the canonical model has no field for them.
        return null;
    }

    private ChatChunk blockStop(AnthropicStreamEvent event) {
        int blockIndex = blockIndex(event);
        int toolIndex = toolIndexByBlock[blockIndex];
        if (toolIndex == NOT_A_TOOL || argumentsSentByBlock[blockIndex]) {
            return null;
        }
        argumentsSentByBlock[blockIndex] = true;
        return arguments(toolIndex, "{}");
    }

    private ChatChunk messageDelta(AnthropicStreamEvent event) {
        // Counts in message_delta are cumulative: the latest value replaces, never adds to, the earlier one.
        if (event.usage() != null) {
            usage = event.usage().over(usage);
        }
        if (finished) {
            return null;
        }
        finished = true;
        String stopReason = event.delta() == null ? null : event.delta().stopReason();
        return chunk(ChatDelta.empty(), AnthropicResponseMapper.finishReason(stopReason));
    }

    private ChatChunk messageStop() {
        if (!finished) {
            throw UpstreamErrors.malformed(endpoint, "a stream that stopped without a stop reason", null);
        }
        stopped = true;
        return usage == null ? null
                : ChatChunk.usageChunk(id, created, model, AnthropicResponseMapper.usage(usage));
    }

    private int blockIndex(AnthropicStreamEvent event) {
        Integer index = event.index();
        if (index == null || index < 0 || index >= MAX_BLOCKS) {
            throw UpstreamErrors.malformed(endpoint, "a stream event with a bad content block index", null);
        }
        if (index >= toolIndexByBlock.length) {
            int size = Math.min(MAX_BLOCKS, Math.max(index + 1, toolIndexByBlock.length * 2));
            int oldSize = toolIndexByBlock.length;
            toolIndexByBlock = Arrays.copyOf(toolIndexByBlock, size);
            Arrays.fill(toolIndexByBlock, oldSize, size, NOT_A_TOOL);
            argumentsSentByBlock = Arrays.copyOf(argumentsSentByBlock, size);
        }
        return index;
    }

    private ChatChunk text(String text) {
        return chunk(new ChatDelta(null, text, null, null, null), null);
    }

    private ChatChunk arguments(int toolIndex, String fragment) {
        return toolChunk(new ToolCall(toolIndex, null, null, new FunctionCall(null, fragment)));
    }

    private ChatChunk toolChunk(ToolCall call) {
        return chunk(new ChatDelta(null, null, List.of(call), null, null), null);
    }

    private ChatChunk chunk(ChatDelta delta, String finishReason) {
        return new ChatChunk(id, ChatChunk.OBJECT, created, model,
                List.of(new ChunkChoice(0, delta, null, finishReason, null)), null, null, null);
    }
}
