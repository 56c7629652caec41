package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.FunctionCallItem;
import ai.switchboard.gateway.api.responses.wire.MessageItem;
import ai.switchboard.gateway.api.responses.wire.OutputRefusal;
import ai.switchboard.gateway.api.responses.wire.OutputText;
import ai.switchboard.gateway.api.responses.wire.ReasoningItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponseUsage;
import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ToolCall;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Translates a canonical chat completion to a Responses {@code response}: reasoning text (the
 * {@code reasoning_content} some providers add to the message) becomes a {@code reasoning} item, the answer a
 * {@code message} item with an {@code output_text} part (and a {@code refusal} part when the model refused), each tool
 * call a {@code function_call} item with its {@code call_id} and, for a namespaced function, its namespace and short
 * name; the finish reason sets {@code status} and {@code incomplete_details}; usage keeps cached and reasoning tokens.
 */
public final class ResponsesResponseTranslator {

    /** The message field OpenAI-compatible reasoning servers (DeepSeek, vLLM) carry the model's thinking in. */
    static final String REASONING_CONTENT = "reasoning_content";
    /** The same field as newer vLLM, Ollama and OpenRouter name it. */
    static final String REASONING = "reasoning";

    private ResponsesResponseTranslator() {
    }

    /** The finished response; {@code skeleton} is the in-progress response built from the request. */
    public static ResponseObject translate(ResponseObject skeleton, ChatResponse chat, ToolNames names) {
        ChatChoice choice = chat.choices().isEmpty() ? null : chat.choices().getFirst();
        ResponseOutcome outcome = ResponseOutcome.of(choice == null ? null : choice.finishReason());
        List<ResponseItem> output = choice == null || choice.message() == null ? List.of()
                : output(choice.message(), names, outcome.status());
        return skeleton.with(outcome.status(), output, chat.usage() == null ? null : ResponseUsage.of(chat.usage()),
                outcome.incompleteDetails(), null);
    }

    /** The reasoning text a message or delta carries under either name, or {@code null} when there is none. */
    static String reasoningText(java.util.Map<String, JsonNode> extra) {
        JsonNode text = extra.get(REASONING_CONTENT);
        if (text == null || !text.isString()) {
            text = extra.get(REASONING);
        }
        return text != null && text.isString() && !text.asString().isEmpty() ? text.asString() : null;
    }

    private static List<ResponseItem> output(ChatMessage message, ToolNames names, String status) {
        List<ResponseItem> output = new ArrayList<>(2);
        String reasoning = reasoningText(message.extra());
        if (reasoning != null) {
            output.add(ReasoningItem.ofText(ResponseIds.reasoning(), reasoning, status));
        }
        String text = message.text();
        List<Object> parts = new ArrayList<>(2);
        if (!text.isEmpty() || (!message.hasToolCalls() && message.refusal() == null)) {
            parts.add(OutputText.of(text));
        }
        if (message.refusal() != null) {
            parts.add(OutputRefusal.of(message.refusal()));
        }
        if (!parts.isEmpty()) {
            output.add(MessageItem.assistant(ResponseIds.message(), status, parts));
        }
        if (message.hasToolCalls()) {
            for (ToolCall call : message.toolCalls()) {
                String name = call.function() == null ? null : call.function().name();
                ToolNames.Qualified qualified = names.qualify(name);
                String arguments = call.function() == null || call.function().arguments() == null ? "{}"
                        : call.function().arguments();
                output.add(FunctionCallItem.of(ResponseIds.functionCall(), call.id(), qualified.name(),
                        qualified.namespace(), arguments, status));
            }
        }
        return output;
    }
}
