package ai.switchboard.providers.anthropic.internal.mapper;

import static ai.switchboard.providers.anthropic.internal.mapper.RequestRejections.invalid;
import static ai.switchboard.providers.anthropic.internal.mapper.RequestRejections.unsupported;

import ai.switchboard.providers.anthropic.api.AnthropicContent;
import ai.switchboard.providers.anthropic.internal.api.AnthropicMessage;
import ai.switchboard.providers.anthropic.api.TextContent;
import ai.switchboard.providers.anthropic.api.ToolResultContent;
import ai.switchboard.providers.anthropic.api.ToolUseContent;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ContentPart;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Converts an OpenAI conversation to Anthropic's: {@code system}/{@code developer} messages are hoisted into the
 * top-level {@code system} blocks (in order; their position in the conversation is lost, which Anthropic's format
 * cannot express), consecutive turns of one role are merged, and the {@code tool} messages answering an assistant
 * turn become {@code tool_result} blocks of one user turn, ahead of any text in it, as Anthropic requires.
 */
public final class AnthropicMessagesMapper {

    static final String USER = "user";
    static final String ASSISTANT = "assistant";

    private AnthropicMessagesMapper() {
    }

    /** The mapped conversation: system blocks (possibly none) and alternating turns (at least one). */
    public record Conversation(List<TextContent> system, List<AnthropicMessage> messages) {
    }

    public static Conversation map(List<ChatMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            throw invalid("messages", "messages must not be empty");
        }
        List<TextContent> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            String role = message.role();
            String param = "messages[" + i + "]";
            if (role == null) {
                throw invalid(param + ".role", "Every message needs a role");
            }
            switch (role) {
                case "system", "developer" -> system.addAll(systemText(message, param));
                case USER -> append(turns, USER, userContent(message, param));
                case ASSISTANT -> append(turns, ASSISTANT, assistantContent(message, param));
                case "tool" -> turnFor(turns, USER).addToolResult(toolResult(message, param));
                default -> throw invalid(param + ".role", "Role '" + role + "' is not supported by Anthropic;"
                        + " use system, developer, user, assistant or tool");
            }
        }
        if (turns.isEmpty()) {
            throw invalid("messages", "At least one user or assistant message with content is required");
        }
        List<AnthropicMessage> mapped = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            mapped.add(new AnthropicMessage(turn.role, turn.blocks));
        }
        return new Conversation(List.copyOf(system), mapped);
    }

    private static List<TextContent> systemText(ChatMessage message, String param) {
        List<TextContent> blocks = new ArrayList<>();
        for (ContentPart part : message.parts()) {
            if (!ContentPart.TEXT.equals(part.type())) {
                throw invalid(param + ".content", "A " + message.role() + " message may only hold text");
            }
            addText(blocks, part.text());
        }
        return blocks;
    }

    private static List<AnthropicContent> userContent(ChatMessage message, String param) {
        List<ContentPart> parts = message.parts();
        List<AnthropicContent> blocks = new ArrayList<>(parts.size());
        for (int j = 0; j < parts.size(); j++) {
            ContentPart part = parts.get(j);
            String partParam = param + ".content[" + j + "]";
            if (ContentPart.TEXT.equals(part.type())) {
                addText(blocks, part.text());
            }
            else if (part.isImage()) {
                blocks.add(AnthropicImages.image(part.imageUrl(), partParam + ".image_url"));
            }
            else {
                throw unsupported(partParam + ".type", "Content part type '" + part.type()
                        + "' is not supported by Anthropic; use text or image_url");
            }
        }
        return blocks;
    }

    private static List<AnthropicContent> assistantContent(ChatMessage message, String param) {
        List<AnthropicContent> blocks = new ArrayList<>();
        // Refusal parts and anything else non-text carry nothing the model needs to see again.
        for (ContentPart part : message.parts()) {
            if (ContentPart.TEXT.equals(part.type())) {
                addText(blocks, part.text());
            }
        }
        if (message.hasToolCalls()) {
            List<ToolCall> calls = message.toolCalls();
            for (int j = 0; j < calls.size(); j++) {
                blocks.add(toolUse(calls.get(j), param + ".tool_calls[" + j + "]"));
            }
        }
        return blocks;
    }

    private static ToolUseContent toolUse(ToolCall call, String param) {
        if (call.id() == null || call.id().isBlank()) {
            throw invalid(param + ".id", "A tool call needs an id");
        }
        if (call.function() == null || call.function().name() == null || call.function().name().isBlank()) {
            throw invalid(param + ".function.name", "A tool call needs a function name");
        }
        return new ToolUseContent(call.id(), call.function().name(),
                arguments(call.function().arguments(), param + ".function.arguments"));
    }

    /** Anthropic wants the input as an object; OpenAI keeps it as a string that may be anything. */
    private static JsonNode arguments(String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return WireJson.mapper().createObjectNode();
        }
        JsonNode input;
        try {
            input = WireJson.mapper().readTree(arguments);
        }
        catch (JacksonException notJson) {
            throw invalid(param, "Tool call arguments must be a JSON object; they are not valid JSON");
        }
        if (!input.isObject()) {
            throw invalid(param, "Tool call arguments must be a JSON object");
        }
        return input;
    }

    private static ToolResultContent toolResult(ChatMessage message, String param) {
        if (message.toolCallId() == null || message.toolCallId().isBlank()) {
            throw invalid(param + ".tool_call_id", "A tool message needs the tool_call_id it answers");
        }
        String text = message.text();
        return new ToolResultContent(message.toolCallId(), text.isEmpty() ? null : text);
    }

    /** Anthropic rejects empty text blocks, so empty text is simply not sent. */
    private static void addText(List<? super TextContent> blocks, String text) {
        if (text != null && !text.isEmpty()) {
            blocks.add(new TextContent(text));
        }
    }

    private static void append(List<Turn> turns, String role, List<AnthropicContent> blocks) {
        // A message with nothing left to send (empty text, an empty assistant turn) would be rejected upstream.
        if (!blocks.isEmpty()) {
            turnFor(turns, role).blocks.addAll(blocks);
        }
    }

    private static Turn turnFor(List<Turn> turns, String role) {
        if (!turns.isEmpty() && turns.getLast().role.equals(role)) {
            return turns.getLast();
        }
        Turn turn = new Turn(role);
        turns.add(turn);
        return turn;
    }

    /** A turn being built; tool results stay in front of the text merged into the same user turn. */
    private static final class Turn {

        private final String role;
        private final List<AnthropicContent> blocks = new ArrayList<>();
        private int toolResults;

        Turn(String role) {
            this.role = role;
        }

        void addToolResult(ToolResultContent result) {
            blocks.add(toolResults++, result);
        }
    }
}
