package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.gemini.internal.api.Candidate;
import ai.switchboard.providers.gemini.internal.api.GenerateContentResponse;
import ai.switchboard.providers.gemini.internal.api.Part;
import ai.switchboard.providers.gemini.internal.api.UsageMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Turns the events of one {@code streamGenerateContent?alt=sse} call into OpenAI chunks. Not thread-safe: one
 * instance per stream, fed in order (Reactor guarantees serial signals).
 *
 * <p>Each event is a whole {@code GenerateContentResponse}: text parts are deltas; a function call arrives whole and
 * becomes one {@code tool_calls} delta whose index is a per-choice counter over the whole stream (parallel calls come
 * in separate events, each at {@code parts[0]}, so the part index would collide); {@code usageMetadata} may repeat
 * on every event and the last one wins. Gemini has no end marker, so {@link #complete()} fails the stream with
 * {@code STREAM_INTERRUPTED} unless every choice received a {@code finishReason}.
 */
public final class GeminiStreamTranslator {

    private final String requestModel;
    private final boolean singleToolCall;
    private final long created = Instant.now().getEpochSecond();
    private final Map<Integer, ChoiceState> choices = new TreeMap<>();
    private String id;
    private String model;
    private UsageMetadata usage;

    /**
     * @param requestModel the model id asked for, used when Gemini does not report {@code modelVersion}
     * @param singleToolCall keep only the first tool call ({@code parallel_tool_calls: false})
     */
    public GeminiStreamTranslator(String requestModel, boolean singleToolCall) {
        this.requestModel = requestModel;
        this.singleToolCall = singleToolCall;
    }

    /** The chunks for one event, possibly none (a usage-only event). */
    public List<ChatChunk> onEvent(GenerateContentResponse event) {
        if (id == null) {
            id = GeminiResponseMapper.completionId(event.responseId());
            model = GeminiResponseMapper.modelOf(event, requestModel);
        }
        if (event.usageMetadata() != null) {
            usage = event.usageMetadata();
        }
        List<ChatChunk> chunks = new ArrayList<>();
        if (event.candidates().isEmpty() && event.promptFeedback() != null
                && event.promptFeedback().blockReason() != null) {
            ChoiceState state = state(0, chunks);
            if (!state.finished) {
                state.finished = true;
                chunks.add(chunk(0, ChatDelta.empty(), null, FinishReasons.CONTENT_FILTER));
            }
            return chunks;
        }
        for (int position = 0; position < event.candidates().size(); position++) {
            Candidate candidate = event.candidates().get(position);
            translate(candidate, candidate.index() == null ? position : candidate.index(), chunks);
        }
        return chunks;
    }

    /**
     * Called when the upstream closed the stream: the usage chunk when usage was reported.
     *
     * @throws ProviderException {@code STREAM_INTERRUPTED} when some choice (or the whole stream) never finished
     */
    public List<ChatChunk> complete() {
        if (choices.isEmpty() || choices.values().stream().anyMatch(state -> !state.finished)) {
            throw ProviderException.of(ErrorType.STREAM_INTERRUPTED,
                    "Gemini ended the stream before the answer was complete");
        }
        return usage == null ? List.of() : List.of(ChatChunk.usageChunk(id, created, model,
                UsageMapper.toOpenAi(usage)));
    }

    private void translate(Candidate candidate, int index, List<ChatChunk> chunks) {
        ChoiceState state = state(index, chunks);
        if (state.finished) {
            // Parts after the finish reason would extend an answer the client was told is complete.
            return;
        }
        JsonNode logprobs = LogprobsMapper.toOpenAi(candidate.logprobsResult());
        List<Part> parts = candidate.content() == null ? List.of() : candidate.content().parts();
        for (Part part : parts) {
            if (part.isThought()) {
                continue;
            }
            if (part.text() != null && !part.text().isEmpty()) {
                chunks.add(chunk(index, new ChatDelta(null, part.text(), null, null, null), logprobs, null));
                logprobs = null;
            }
            if (part.functionCall() != null && (!singleToolCall || state.toolCalls == 0)) {
                ToolCall call = GeminiToolCalls.toOpenAi(part, state.toolCalls++);
                chunks.add(chunk(index, new ChatDelta(null, null, List.of(call), null, null), null, null));
            }
        }
        if (candidate.finishReason() != null) {
            String reason = FinishReasons.toOpenAi(candidate.finishReason(), state.toolCalls > 0);
            state.finished = true;
            chunks.add(chunk(index, ChatDelta.empty(), logprobs, reason));
        }
    }

    /** The state of a choice, announcing the assistant role the first time the choice appears. */
    private ChoiceState state(int index, List<ChatChunk> chunks) {
        ChoiceState state = choices.get(index);
        if (state == null) {
            state = new ChoiceState();
            choices.put(index, state);
            chunks.add(chunk(index, new ChatDelta("assistant", "", null, null, null), null, null));
        }
        return state;
    }

    private ChatChunk chunk(int index, ChatDelta delta, JsonNode logprobs, String finishReason) {
        return new ChatChunk(id, ChatChunk.OBJECT, created, model,
                List.of(new ChunkChoice(index, delta, logprobs, finishReason, null)), null, null, null);
    }

    private static final class ChoiceState {
        private int toolCalls;
        private boolean finished;
    }
}
