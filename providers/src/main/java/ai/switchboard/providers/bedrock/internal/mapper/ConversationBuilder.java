package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ContentPart;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.bedrock.internal.api.ContentBlock;
import ai.switchboard.providers.bedrock.internal.api.Message;
import ai.switchboard.providers.bedrock.internal.api.SystemContentBlock;
import ai.switchboard.providers.bedrock.internal.api.ToolResultBlock;
import ai.switchboard.providers.bedrock.internal.api.ToolResultContent;
import ai.switchboard.providers.bedrock.internal.api.ToolUseBlock;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Builds the Converse {@code system} and {@code messages} of one request from OpenAI messages.
 *
 * <p>Converse requires the conversation to start with a user turn and to alternate strictly, and rejects blank text
 * blocks (pitfall 6 of the crib sheet). So: system and developer messages, wherever they stand, go to
 * {@code system}; tool results become {@code toolResult} blocks of a user turn; blank text is skipped and a message
 * left with no blocks is dropped; consecutive turns of one role are merged; and a conversation that opens with the
 * assistant (a greeting) gets a minimal user turn ({@value #OPENING_USER_TEXT}) in front.
 */
final class ConversationBuilder {

    static final String OPENING_USER_TEXT = ".";
    static final String EMPTY_TOOL_RESULT_TEXT = "(empty)";
    private static final String USER = "user";
    private static final String ASSISTANT = "assistant";

    private final ToolNames toolNames;
    private final List<SystemContentBlock> system = new ArrayList<>();
    private final List<Message> turns = new ArrayList<>();
    private final Set<String> historyToolNames = new LinkedHashSet<>();

    ConversationBuilder(ToolNames toolNames) {
        this.toolNames = toolNames;
    }

    void add(ChatMessage message, int index) {
        String param = "messages[" + index + "]";
        String role = message.role() == null ? "" : message.role();
        switch (role) {
            case "system", "developer" -> {
                String text = message.text();
                if (!text.isBlank()) {
                    system.add(new SystemContentBlock(text));
                }
            }
            case USER -> append(USER, userBlocks(message, param));
            case ASSISTANT -> append(ASSISTANT, assistantBlocks(message, param));
            case "tool" -> append(USER, List.of(toolResult(message, param)));
            default -> throw RequestErrors.unsupported(param + ".role",
                    "Bedrock does not support messages of role '" + role + "'");
        }
    }

    List<SystemContentBlock> system() {
        return system;
    }

    /** The alternating turns, starting with a user turn. */
    List<Message> messages() {
        if (turns.isEmpty()) {
            throw RequestErrors.invalid("messages", "Bedrock needs at least one user or assistant message with "
                    + "non-blank content");
        }
        if (!USER.equals(turns.getFirst().role())) {
            turns.addFirst(new Message(USER, List.of(ContentBlock.text(OPENING_USER_TEXT))));
        }
        return turns;
    }

    /** The (sanitized) names of the tools the history calls, which Converse needs declared in toolConfig. */
    Set<String> historyToolNames() {
        return historyToolNames;
    }

    private void append(String role, List<ContentBlock> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        if (!turns.isEmpty() && turns.getLast().role().equals(role)) {
            turns.getLast().content().addAll(blocks);
        }
        else {
            // Mutable on purpose: a following message of the same role is merged into this turn.
            turns.add(new Message(role, new ArrayList<>(blocks)));
        }
    }

    private List<ContentBlock> userBlocks(ChatMessage message, String param) {
        List<ContentBlock> blocks = new ArrayList<>();
        List<ContentPart> parts = message.parts();
        for (int i = 0; i < parts.size(); i++) {
            ContentPart part = parts.get(i);
            String partParam = param + ".content[" + i + "]";
            if (part.isImage()) {
                blocks.add(ContentBlock.image(ImageBlocks.fromUrl(part.imageUrl(), partParam + ".image_url")));
            }
            else if (ContentPart.TEXT.equals(part.type())) {
                addText(blocks, part.text());
            }
            else {
                throw RequestErrors.unsupported(partParam + ".type",
                        "Bedrock does not support content parts of type '" + part.type() + "'");
            }
        }
        return blocks;
    }

    private List<ContentBlock> assistantBlocks(ChatMessage message, String param) {
        List<ContentBlock> blocks = new ArrayList<>();
        addText(blocks, message.text());
        if (message.hasToolCalls()) {
            for (int i = 0; i < message.toolCalls().size(); i++) {
                ToolCall call = message.toolCalls().get(i);
                String callParam = param + ".tool_calls[" + i + "]";
                String name = call.function() == null ? null : call.function().name();
                if (name == null || name.isEmpty()) {
                    throw RequestErrors.invalid(callParam + ".function.name", "A tool call needs a function name");
                }
                String safeName = toolNames.name(name);
                historyToolNames.add(safeName);
                JsonNode input = arguments(call.function().arguments(), callParam + ".function.arguments");
                blocks.add(ContentBlock.toolUse(new ToolUseBlock(ToolNames.sanitize(call.id()), safeName, input)));
            }
        }
        return blocks;
    }

    private ContentBlock toolResult(ChatMessage message, String param) {
        String text = message.text();
        ToolResultContent content;
        JsonNode json = jsonObject(text);
        if (json != null) {
            content = new ToolResultContent(null, json);
        }
        else {
            content = new ToolResultContent(text.isBlank() ? EMPTY_TOOL_RESULT_TEXT : text, null);
        }
        if (message.toolCallId() == null) {
            throw RequestErrors.invalid(param + ".tool_call_id", "A tool message needs tool_call_id");
        }
        return ContentBlock.toolResult(new ToolResultBlock(ToolNames.sanitize(message.toolCallId()),
                List.of(content), "success"));
    }

    private static JsonNode arguments(String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return WireJson.mapper().createObjectNode();
        }
        JsonNode input = jsonObject(arguments);
        if (input == null) {
            throw RequestErrors.invalid(param, "Bedrock needs tool-call arguments that are a JSON object");
        }
        return input;
    }

    private static JsonNode jsonObject(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = WireJson.mapper().readTree(trimmed);
            return node.isObject() ? node : null;
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private static void addText(List<ContentBlock> blocks, String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(ContentBlock.text(text));
        }
    }
}
