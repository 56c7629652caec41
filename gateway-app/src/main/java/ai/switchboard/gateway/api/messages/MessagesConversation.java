package ai.switchboard.gateway.api.messages;

import static ai.switchboard.gateway.api.messages.MessagesJson.MAPPER;
import static ai.switchboard.gateway.api.messages.MessagesJson.NODES;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Converts a (checked) Messages conversation to OpenAI's:
 * <ul>
 *   <li>{@code system} becomes one {@code system} message, its text blocks joined by blank lines;</li>
 *   <li>a user turn's {@code tool_result} blocks become {@code tool} messages, in order and ahead of the turn's other
 *       content (OpenAI wants them right after the assistant's calls); images a tool returned, which a {@code tool}
 *       message cannot hold, follow in a user message;</li>
 *   <li>text, images ({@code data:} URLs for base64), PDF documents ({@code file} parts) and the text of plain-text
 *       documents and search results become content parts;</li>
 *   <li>an assistant turn's {@code tool_use} blocks become tool calls with the input serialized as arguments;</li>
 *   <li>{@code thinking} and {@code redacted_thinking} blocks, Anthropic's own tools' calls and results, and block
 *       kinds the gateway does not know are left out: other providers have no field for them, and Anthropic's
 *       signatures mean nothing to them. A turn left with nothing is left out.</li>
 * </ul>
 * Content that refers to something only Anthropic holds (a file id, a document URL) is refused as
 * {@code UNSUPPORTED}, naming the block.
 */
final class MessagesConversation {

    private static final String SYSTEM = "system";
    private static final String TOOL = "tool";

    private MessagesConversation() {
    }

    static List<ChatMessage> map(JsonNode system, List<MessagesMessage> messages) {
        List<ChatMessage> chat = new ArrayList<>(messages.size() + 1);
        String systemText = systemText(system);
        if (!systemText.isEmpty()) {
            chat.add(message(SYSTEM, NODES.stringNode(systemText)));
        }
        for (int i = 0; i < messages.size(); i++) {
            MessagesMessage message = messages.get(i);
            String param = "messages[" + i + "].content";
            if (message.isSystem()) {
                chat.add(message(SYSTEM, NODES.stringNode(systemText(message.content()))));
            }
            else if (message.isAssistant()) {
                assistant(message.content(), param, chat);
            }
            else {
                user(message.content(), param, chat);
            }
        }
        return chat;
    }

    private static String systemText(JsonNode system) {
        if (system == null || system.isNull()) {
            return "";
        }
        if (system.isString()) {
            return system.asString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : system) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(block.get("text").asString());
        }
        return text.toString();
    }

    private static void user(JsonNode content, String param, List<ChatMessage> chat) {
        if (content.isString()) {
            chat.add(message(MessagesMessage.USER, content));
            return;
        }
        ArrayNode parts = NODES.arrayNode();
        ArrayNode toolImages = NODES.arrayNode();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String blockParam = param + "[" + j + "]";
            if (MessagesBlockRules.TOOL_RESULT.equals(block.get("type").asString())) {
                chat.add(toolResult(block, blockParam, toolImages));
            }
            else {
                addPart(block, blockParam, parts);
            }
        }
        toolImages.addAll(parts);
        if (!toolImages.isEmpty()) {
            chat.add(message(MessagesMessage.USER, toolImages));
        }
    }

    private static ChatMessage toolResult(JsonNode block, String param, ArrayNode images) {
        JsonNode content = block.get("content");
        String text;
        if (content == null || content.isNull()) {
            text = "";
        }
        else if (content.isString()) {
            text = content.asString();
        }
        else {
            ArrayNode parts = NODES.arrayNode();
            for (int k = 0; k < content.size(); k++) {
                addPart(content.get(k), param + ".content[" + k + "]", parts);
            }
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : parts) {
                if (ChatParts.isText(part)) {
                    joined.append(joined.isEmpty() ? "" : "\n").append(part.get("text").asString());
                }
                else {
                    images.add(part);
                }
            }
            text = joined.toString();
        }
        return new ChatMessage(TOOL, NODES.stringNode(text), null, null, block.get("tool_use_id").asString(), null,
                null);
    }

    /** The OpenAI content part of a block, if it has one. */
    private static void addPart(JsonNode block, String param, ArrayNode parts) {
        switch (block.get("type").asString()) {
            case MessagesBlockRules.TEXT -> parts.add(ChatParts.text(block.get("text").asString()));
            case MessagesBlockRules.IMAGE -> parts.add(ChatParts.image(block.get("source"), param + ".source"));
            case MessagesBlockRules.DOCUMENT -> ChatParts.document(block, param + ".source", parts);
            case MessagesBlockRules.SEARCH_RESULT -> parts.add(ChatParts.text(ChatParts.searchResult(block)));
            default -> {
                // Thinking, Anthropic's server tools and unknown kinds: nothing another provider can use.
            }
        }
    }

    private static void assistant(JsonNode content, String param, List<ChatMessage> chat) {
        if (content.isString()) {
            if (!content.asString().isEmpty()) {
                chat.add(message(MessagesMessage.ASSISTANT, content));
            }
            return;
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.get("type").asString()) {
                case MessagesBlockRules.TEXT -> text.append(block.get("text").asString());
                case MessagesBlockRules.TOOL_USE -> calls.add(ToolCall.of(block.get("id").asString(),
                        block.get("name").asString(), MAPPER.writeValueAsString(block.get("input"))));
                default -> {
                    // Thinking, server tool calls and their results: see the class comment.
                }
            }
        }
        if (text.isEmpty() && calls.isEmpty()) {
            return;
        }
        // OpenAI's own assistant turns that only call tools carry null content.
        JsonNode body = text.isEmpty() ? NODES.nullNode() : NODES.stringNode(text.toString());
        chat.add(new ChatMessage(MessagesMessage.ASSISTANT, body, null, calls.isEmpty() ? null : calls, null, null,
                null));
    }

    private static ChatMessage message(String role, JsonNode content) {
        return new ChatMessage(role, content, null, null, null, null, null);
    }

    /** A block that only Anthropic can resolve. */
    static ProviderException unsupported(String param, String what) {
        return new ProviderException(ErrorType.UNSUPPORTED, ErrorType.UNSUPPORTED.defaultStatus(),
                what + " can only be sent to an Anthropic provider", param, "unsupported_parameter", null, null);
    }
}
