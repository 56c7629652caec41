package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.MessageDelta;
import ai.switchboard.gateway.api.messages.wire.MessagesResponse;
import ai.switchboard.providers.anthropic.api.AnthropicContent;
import ai.switchboard.providers.anthropic.api.TextContent;
import ai.switchboard.providers.anthropic.api.ThinkingContent;
import ai.switchboard.providers.anthropic.api.ToolUseContent;
import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Translates a canonical answer into a Messages answer: reasoning (when shown) becomes a {@code thinking} block
 * with no signature (only Anthropic signs reasoning), the text and any refusal a {@code text} block, and each tool
 * call a {@code tool_use} block whose input is the parsed arguments. Tool arguments that are not a JSON object cannot
 * be expressed as Anthropic's input and fail the answer as a malformed upstream response.
 */
public final class ChatToMessages {

    private ChatToMessages() {
    }

    public static MessagesResponse translate(ChatResponse response, ReplyOptions options) {
        ChatChoice choice = response.choices().isEmpty() ? null : response.choices().getFirst();
        ChatMessage message = choice == null ? null : choice.message();
        List<AnthropicContent> content = new ArrayList<>(2);
        boolean calledTools = false;
        if (message != null) {
            String reasoning = Reasoning.of(message.extra());
            if (reasoning != null && options.thinkingShown()) {
                content.add(new ThinkingContent(reasoning, ""));
            }
            String text = message.text();
            if (!text.isEmpty()) {
                content.add(new TextContent(text));
            }
            if (message.refusal() != null && !message.refusal().isEmpty()) {
                content.add(new TextContent(message.refusal()));
            }
            if (message.hasToolCalls()) {
                calledTools = true;
                for (ToolCall call : message.toolCalls()) {
                    content.add(new ToolUseContent(call.id(), call.function().name(),
                            input(call.function().arguments())));
                }
            }
        }
        MessageDelta stop = message != null && message.refusal() != null && !message.refusal().isEmpty()
                ? new MessageDelta("refusal", null)
                : choice == null ? new MessageDelta("end_turn", null) : StopReasons.of(choice, calledTools, options);
        return new MessagesResponse(response.id(), response.model(), content, stop.stopReason(), stop.stopSequence(),
                MessagesUsage.of(response.usage()));
    }

    /** A tool call's arguments as Anthropic's {@code input} object; empty arguments are an empty object. */
    static JsonNode input(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return MessagesJson.NODES.objectNode();
        }
        try {
            JsonNode input = MessagesJson.MAPPER.readTree(arguments);
            if (input.isObject()) {
                return input;
            }
        }
        catch (JacksonException notJson) {
            // reported below
        }
        throw ProviderException.of(ErrorType.MALFORMED_RESPONSE,
                "The upstream answered with tool call arguments that are not a JSON object");
    }
}
