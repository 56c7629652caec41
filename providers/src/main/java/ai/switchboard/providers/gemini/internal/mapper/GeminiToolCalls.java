package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.FunctionCall;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.gemini.internal.api.Part;
import ai.switchboard.providers.json.WireJson;
import tools.jackson.databind.JsonNode;

/** A Gemini {@code functionCall} part as an OpenAI tool call. */
final class GeminiToolCalls {

    private GeminiToolCalls() {
    }

    /**
     * The call with its id (Gemini's, or a new {@code call_…} one) carrying the part's thought signature, and the
     * arguments serialized once from Gemini's object, so a stream and a complete answer hold the same text.
     *
     * @param index the tool-call index of a stream delta, or {@code null} in a complete message
     */
    static ToolCall toOpenAi(Part part, Integer index) {
        String callId = part.functionCall().id() == null || part.functionCall().id().isBlank()
                ? ToolCallIds.newId() : part.functionCall().id();
        String id = ToolCallIds.encode(callId, part.thoughtSignature());
        JsonNode args = part.functionCall().args();
        String arguments = args == null || args.isNull() ? "{}" : WireJson.mapper().writeValueAsString(args);
        return new ToolCall(index, id, "function", new FunctionCall(part.functionCall().name(), arguments));
    }
}
