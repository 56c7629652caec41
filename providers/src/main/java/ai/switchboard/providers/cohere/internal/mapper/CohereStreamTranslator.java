package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.FunctionCall;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.cohere.internal.api.CohereContent;
import ai.switchboard.providers.cohere.internal.api.CohereDeltaMessage;
import ai.switchboard.providers.cohere.internal.api.CohereStreamDelta;
import ai.switchboard.providers.cohere.internal.api.CohereStreamEvent;
import ai.switchboard.providers.cohere.internal.api.CohereToolCall;
import ai.switchboard.providers.cohere.internal.client.CohereErrors;
import ai.switchboard.providers.error.UpstreamErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Translates the events of one Cohere chat stream into OpenAI chunks. Stateful and single-use: one instance per
 * stream, fed in order (Reactor guarantees serial delivery).
 *
 * <p>Tool calls get OpenAI indexes from a counter over tool calls only, kept in a table keyed by Cohere's index, so
 * text blocks never shift them and interleaved fragments land on the right call. Argument fragments are forwarded
 * byte for byte; a call that streamed no arguments at all gets {@code "{}"} at its end, so clients never see empty
 * (unparsable) arguments. Tool plans, citations and thinking are dropped.
 */
public final class CohereStreamTranslator {

    private final ProviderEndpoint endpoint;
    private final String model;
    private final long created;
    private final Map<Integer, Integer> toolIndexes = new HashMap<>();
    private final Map<Integer, Boolean> toolHasArguments = new HashMap<>();
    private String id;
    private boolean started;
    private boolean finished;
    private int lastToolIndex = -1;

    public CohereStreamTranslator(ProviderEndpoint endpoint, String model, long created) {
        this.endpoint = endpoint;
        this.model = model;
        this.created = created;
    }

    /** Whether {@code message-end} has been translated. */
    public boolean finished() {
        return finished;
    }

    /** The chunks for one event (none for events without an OpenAI equivalent). */
    public List<ChatChunk> translate(CohereStreamEvent event) {
        List<ChatChunk> chunks = new ArrayList<>(2);
        String type = event.type() == null ? "" : event.type();
        switch (type) {
            case "message-start" -> {
                if (!started && event.id() != null) {
                    id = event.id();
                }
                start(chunks);
            }
            case "content-start", "content-delta" -> content(event, chunks);
            case "tool-call-start" -> toolCallStart(event, chunks);
            case "tool-call-delta" -> toolCallDelta(event, chunks);
            case "tool-call-end" -> toolCallEnd(event, chunks);
            case "message-end" -> messageEnd(event, chunks);
            // content-end, tool-plan-delta, citation-start/-end and types added later carry nothing for OpenAI.
            default -> {
            }
        }
        return chunks;
    }

    private void start(List<ChatChunk> chunks) {
        if (started) {
            return;
        }
        started = true;
        if (id == null) {
            id = "chatcmpl-" + UUID.randomUUID();
        }
        // OpenAI streams open with the role and empty content; SDKs build the message from this chunk.
        chunks.add(chunk(new ChatDelta("assistant", "", null, null, null), null, null));
    }

    private void content(CohereStreamEvent event, List<ChatChunk> chunks) {
        start(chunks);
        CohereContent content = message(event) == null ? null : message(event).contentBlock();
        String text = content != null && content.isText() ? content.text() : null;
        JsonNode logprobs = CohereLogprobs.toOpenAi(event.logprobs());
        if ((text == null || text.isEmpty()) && logprobs == null) {
            return;
        }
        chunks.add(chunk(new ChatDelta(null, text == null ? "" : text, null, null, null), logprobs, null));
    }

    private void toolCallStart(CohereStreamEvent event, List<ChatChunk> chunks) {
        start(chunks);
        CohereToolCall call = toolCall(event);
        int index = toolIndexes.size();
        int cohereIndex = event.index() == null ? index : event.index();
        if (toolIndexes.putIfAbsent(cohereIndex, index) != null) {
            throw UpstreamErrors.malformed(endpoint, "a stream that started tool call " + cohereIndex + " twice", null);
        }
        lastToolIndex = index;
        String name = call == null || call.function() == null ? null : call.function().name();
        String arguments = call == null || call.function() == null || call.function().arguments() == null
                ? "" : call.function().arguments();
        toolHasArguments.put(index, !arguments.isEmpty());
        chunks.add(toolChunk(new ToolCall(index, call == null ? null : call.id(), "function",
                new FunctionCall(name, arguments))));
    }

    private void toolCallDelta(CohereStreamEvent event, List<ChatChunk> chunks) {
        int index = toolIndex(event);
        CohereToolCall call = toolCall(event);
        String fragment = call == null || call.function() == null ? null : call.function().arguments();
        if (fragment == null || fragment.isEmpty()) {
            return;
        }
        toolHasArguments.put(index, true);
        chunks.add(toolChunk(new ToolCall(index, null, null, new FunctionCall(null, fragment))));
    }

    private void toolCallEnd(CohereStreamEvent event, List<ChatChunk> chunks) {
        int index = toolIndex(event);
        if (!toolHasArguments.get(index)) {
            toolHasArguments.put(index, true);
            chunks.add(toolChunk(new ToolCall(index, null, null, new FunctionCall(null, "{}"))));
        }
    }

    private void messageEnd(CohereStreamEvent event, List<ChatChunk> chunks) {
        CohereStreamDelta delta = event.delta();
        String reason = delta == null ? null : delta.finishReason();
        String error = delta == null ? null : delta.error();
        if (CohereFinishReasons.isError(reason) || (reason == null && error != null && !error.isBlank())) {
            throw CohereErrors.finishedWithError(endpoint, reason == null ? "ERROR" : reason, error);
        }
        start(chunks);
        chunks.add(chunk(ChatDelta.empty(), null, CohereFinishReasons.toOpenAi(reason, !toolIndexes.isEmpty())));
        Usage usage = delta == null ? null : CohereUsageMapper.toOpenAi(delta.usage());
        if (usage != null) {
            chunks.add(ChatChunk.usageChunk(id, created, model, usage));
        }
        finished = true;
    }

    private int toolIndex(CohereStreamEvent event) {
        Integer index = event.index() == null ? (lastToolIndex < 0 ? null : lastToolIndex)
                : toolIndexes.get(event.index());
        if (index == null) {
            throw UpstreamErrors.malformed(endpoint, "a tool-call fragment before its tool-call-start", null);
        }
        return index;
    }

    private static CohereDeltaMessage message(CohereStreamEvent event) {
        return event.delta() == null ? null : event.delta().message();
    }

    private static CohereToolCall toolCall(CohereStreamEvent event) {
        return message(event) == null ? null : message(event).toolCall();
    }

    private ChatChunk toolChunk(ToolCall call) {
        return chunk(new ChatDelta(null, null, List.of(call), null, null), null, null);
    }

    private ChatChunk chunk(ChatDelta delta, JsonNode logprobs, String finishReason) {
        return new ChatChunk(id, ChatChunk.OBJECT, created, model,
                List.of(new ChunkChoice(0, delta, logprobs, finishReason, null)), null, null, null);
    }
}
