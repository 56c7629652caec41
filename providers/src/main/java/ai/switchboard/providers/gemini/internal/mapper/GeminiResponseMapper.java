package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.gemini.internal.api.Candidate;
import ai.switchboard.providers.gemini.internal.api.GenerateContentResponse;
import ai.switchboard.providers.gemini.internal.api.Part;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A complete {@code generateContent} answer as an OpenAI chat completion. */
public final class GeminiResponseMapper {

    private GeminiResponseMapper() {
    }

    /**
     * Translates the answer. A prompt Gemini blocked (no candidates, {@code promptFeedback.blockReason}) is a
     * normal completion with empty content and {@code content_filter}, as OpenAI reports its own filter.
     *
     * @param requestModel the model id asked for, used when Gemini does not report {@code modelVersion}
     * @param singleToolCall keep only the first tool call ({@code parallel_tool_calls: false})
     * @throws ProviderException {@code MALFORMED_RESPONSE} for an answer with neither candidates nor a block reason,
     *     or one that ended in a broken tool call
     */
    public static ChatResponse toOpenAi(GenerateContentResponse response, String requestModel,
            boolean singleToolCall) {
        List<ChatChoice> choices = new ArrayList<>(Math.max(1, response.candidates().size()));
        if (response.candidates().isEmpty()) {
            if (response.promptFeedback() == null || response.promptFeedback().blockReason() == null) {
                throw ProviderException.of(ErrorType.MALFORMED_RESPONSE, "Gemini sent an answer without candidates");
            }
            choices.add(new ChatChoice(0, message(JsonNodeFactory.instance.stringNode(""), null), null,
                    FinishReasons.CONTENT_FILTER, null));
        }
        for (int position = 0; position < response.candidates().size(); position++) {
            choices.add(choice(response.candidates().get(position), position, singleToolCall));
        }
        return new ChatResponse(completionId(response.responseId()), ChatResponse.OBJECT,
                Instant.now().getEpochSecond(), modelOf(response, requestModel), choices,
                UsageMapper.toOpenAi(response.usageMetadata()), null, null);
    }

    private static ChatChoice choice(Candidate candidate, int position, boolean singleToolCall) {
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        List<Part> parts = candidate.content() == null ? List.of() : candidate.content().parts();
        for (Part part : parts) {
            if (part.isThought()) {
                continue;
            }
            if (part.text() != null) {
                text.append(part.text());
            }
            if (part.functionCall() != null && (!singleToolCall || calls.isEmpty())) {
                calls.add(GeminiToolCalls.toOpenAi(part, null));
            }
        }
        String finishReason = FinishReasons.toOpenAi(candidate.finishReason(), !calls.isEmpty());
        // OpenAI sends null content beside tool calls, and a string (possibly empty) otherwise.
        JsonNode content = text.isEmpty() && !calls.isEmpty()
                ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.stringNode(text.toString());
        int index = candidate.index() == null ? position : candidate.index();
        return new ChatChoice(index, message(content, calls.isEmpty() ? null : calls),
                LogprobsMapper.toOpenAi(candidate.logprobsResult()), finishReason, null);
    }

    private static ChatMessage message(JsonNode content, List<ToolCall> calls) {
        return new ChatMessage("assistant", content, null, calls, null, null, null);
    }

    /** The OpenAI id: Gemini's {@code responseId} when given, so logs on both sides can be matched. */
    static String completionId(String responseId) {
        return "chatcmpl-" + (responseId == null || responseId.isBlank()
                ? ToolCallIds.newId().substring("call_".length()) : responseId);
    }

    static String modelOf(GenerateContentResponse response, String requestModel) {
        return response.modelVersion() == null || response.modelVersion().isBlank()
                ? requestModel : response.modelVersion();
    }
}
