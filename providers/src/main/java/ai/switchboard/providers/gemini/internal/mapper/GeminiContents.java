package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.gemini.internal.api.Content;
import ai.switchboard.providers.gemini.internal.api.FunctionCallPart;
import ai.switchboard.providers.gemini.internal.api.FunctionResponsePart;
import ai.switchboard.providers.gemini.internal.api.Part;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI messages as Gemini turns. Gemini knows only {@code user} and {@code model} turns plus one system
 * instruction, so: system and developer messages (wherever they appear) join {@code systemInstruction}; assistant
 * turns become {@code model} turns; tool results become {@code functionResponse} parts of a {@code user} turn, all
 * results of one model turn together and in call order; adjacent turns of the same role are merged.
 */
final class GeminiContents {

    private final List<Part> system = new ArrayList<>();
    private final List<Content> contents = new ArrayList<>();
    private final Map<String, CallRef> calls = new HashMap<>();
    private final List<PendingResponse> pendingResponses = new ArrayList<>();

    private GeminiContents() {
    }

    /** Translates the conversation; the first element of the result is the system instruction or {@code null}. */
    static Translated translate(List<ChatMessage> messages) {
        GeminiContents translation = new GeminiContents();
        for (int i = 0; i < messages.size(); i++) {
            translation.add(messages.get(i), i);
        }
        translation.flushResponses();
        Content systemInstruction = translation.system.isEmpty() ? null : new Content(null, translation.system);
        return new Translated(systemInstruction, List.copyOf(translation.contents));
    }

    private void add(ChatMessage message, int i) {
        String role = message.role() == null ? "" : message.role();
        if (!"tool".equals(role)) {
            flushResponses();
        }
        switch (role) {
            case "system", "developer" -> system.addAll(textOnly(message, i));
            case "user" -> append(Content.USER, GeminiUserParts.translate(message, i));
            case "assistant" -> append(Content.MODEL, assistantParts(message, i));
            case "tool" -> pendingResponses.add(toolResponse(message, i));
            default -> throw GeminiRejections.unsupported("messages[" + i + "].role",
                    "Role '" + role + "' is not supported by Gemini; use system, developer, user, assistant or tool");
        }
    }

    private List<Part> assistantParts(ChatMessage message, int i) {
        List<Part> parts = new ArrayList<>(textOnly(message, i));
        if (!message.hasToolCalls()) {
            return parts;
        }
        boolean signed = false;
        List<ToolCall> toolCalls = message.toolCalls();
        for (int j = 0; j < toolCalls.size(); j++) {
            ToolCall call = toolCalls.get(j);
            String param = "messages[" + i + "].tool_calls[" + j + "]";
            if (call.function() == null || call.function().name() == null || call.function().name().isBlank()) {
                throw GeminiRejections.invalid(param + ".function.name", "A tool call needs a function name");
            }
            ToolCallIds.Decoded id = ToolCallIds.decode(call.id());
            if (call.id() != null) {
                calls.put(call.id(), new CallRef(call.function().name(), id.callId(), calls.size()));
            }
            String signature = id.signature();
            if (signature == null && !signed) {
                // Gemini 3 rejects a turn whose first call is unsigned (history from another model, or a client that
                // rewrote the ids); the documented fallback value makes it skip that check.
                signature = ToolCallIds.FALLBACK_SIGNATURE;
            }
            signed = signed || signature != null;
            parts.add(Part.call(new FunctionCallPart(id.callId(), call.function().name(),
                    arguments(call.function().arguments(), param + ".function.arguments")), signature));
        }
        return parts;
    }

    private PendingResponse toolResponse(ChatMessage message, int i) {
        CallRef call = message.toolCallId() == null ? null : calls.get(message.toolCallId());
        if (call == null) {
            throw GeminiRejections.invalid("messages[" + i + "].tool_call_id",
                    "A tool message must answer a tool call of an earlier assistant message (Gemini needs its name)");
        }
        return new PendingResponse(call.order(),
                Part.response(new FunctionResponsePart(call.callId(), call.name(), responseObject(message.text()))));
    }

    /** Appends the tool results collected so far as one user turn, in the order the calls were made. */
    private void flushResponses() {
        if (pendingResponses.isEmpty()) {
            return;
        }
        pendingResponses.sort(Comparator.comparingInt(PendingResponse::order));
        append(Content.USER, pendingResponses.stream().map(PendingResponse::part).toList());
        pendingResponses.clear();
    }

    private void append(String role, List<Part> parts) {
        if (parts.isEmpty()) {
            return;
        }
        if (!contents.isEmpty() && role.equals(contents.getLast().role())) {
            List<Part> merged = new ArrayList<>(contents.getLast().parts());
            merged.addAll(parts);
            contents.set(contents.size() - 1, new Content(role, merged));
        }
        else {
            contents.add(new Content(role, parts));
        }
    }

    private static List<Part> textOnly(ChatMessage message, int i) {
        List<Part> parts = new ArrayList<>();
        for (var part : message.parts()) {
            if (part.text() == null && part.type() != null && !"text".equals(part.type())
                    && !"refusal".equals(part.type())) {
                throw GeminiRejections.unsupported("messages[" + i + "].content",
                        "Only text content is supported in " + message.role() + " messages for Gemini");
            }
            if (part.text() != null && !part.text().isEmpty()) {
                parts.add(Part.text(part.text()));
            }
        }
        return parts;
    }

    /** Gemini takes arguments as an object; OpenAI carries them as JSON text. */
    private static JsonNode arguments(String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return WireJson.mapper().createObjectNode();
        }
        try {
            JsonNode parsed = WireJson.mapper().readTree(arguments);
            if (parsed instanceof ObjectNode) {
                return parsed;
            }
        }
        catch (JacksonException notJson) {
            // reported below
        }
        throw GeminiRejections.invalid(param, "Tool call arguments must be a JSON object for Gemini");
    }

    /** A JSON object result is passed as is; anything else is wrapped, since Gemini requires an object. */
    private static JsonNode responseObject(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode parsed = WireJson.mapper().readTree(trimmed);
                if (parsed instanceof ObjectNode) {
                    return parsed;
                }
            }
            catch (JacksonException notJson) {
                // plain text that happens to start with a brace
            }
        }
        ObjectNode wrapped = WireJson.mapper().createObjectNode();
        wrapped.put("result", text);
        return wrapped;
    }

    /**
     * The translated conversation.
     *
     * @param systemInstruction the joined system and developer messages, or {@code null}
     * @param contents the user and model turns, strictly alternating
     */
    record Translated(Content systemInstruction, List<Content> contents) {
    }

    private record CallRef(String name, String callId, int order) {
    }

    private record PendingResponse(int order, Part part) {
    }
}
