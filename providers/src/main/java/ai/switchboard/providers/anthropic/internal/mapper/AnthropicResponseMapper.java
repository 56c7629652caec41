package ai.switchboard.providers.anthropic.internal.mapper;

import ai.switchboard.providers.anthropic.internal.api.AnthropicResponse;
import ai.switchboard.providers.anthropic.internal.api.AnthropicResponseBlock;
import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Translates a complete Anthropic answer to an OpenAI chat completion: text blocks are concatenated into
 * {@code content}, each {@code tool_use} becomes a tool call with its id unchanged, and {@code thinking} blocks are
 * dropped (OpenAI has no field for them).
 */
public final class AnthropicResponseMapper {

    /** The usage extension holding cache writes, which are billed above ordinary input tokens. */
    public static final String CACHE_CREATION_TOKENS = "cache_creation_input_tokens";

    /**
     * The message (and delta) field that carries Claude's thinking text, as OpenAI-compatible reasoning servers
     * (DeepSeek, vLLM) name it; its signature cannot travel through the canonical model.
     */
    public static final String REASONING_CONTENT = "reasoning_content";

    private static final JsonNodeFactory NODES = WireJson.mapper().getNodeFactory();

    private AnthropicResponseMapper() {
    }

    /** The completion; {@code created} is the gateway's clock, as Anthropic sends no timestamp. */
    public static ChatResponse toChatResponse(AnthropicResponse response, long created) {
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (AnthropicResponseBlock block : response.content()) {
            if (AnthropicResponseBlock.TEXT.equals(block.type()) && block.text() != null) {
                text.append(block.text());
            }
            else if (AnthropicResponseBlock.THINKING.equals(block.type()) && block.thinking() != null) {
                thinking.append(block.thinking());
            }
            else if (AnthropicResponseBlock.TOOL_USE.equals(block.type())) {
                toolCalls.add(ToolCall.of(block.id(), block.name(), arguments(block.input())));
            }
        }
        // OpenAI sends null content, not "", on a turn that only calls tools.
        JsonNode content = text.isEmpty() && !toolCalls.isEmpty() ? NODES.nullNode() : NODES.stringNode(text.toString());
        ChatMessage message = new ChatMessage("assistant", content, null, toolCalls.isEmpty() ? null : toolCalls,
                null, null, thinking.isEmpty() ? null
                        : Map.of(REASONING_CONTENT, NODES.stringNode(thinking.toString())));
        ChatChoice choice = new ChatChoice(0, message, null, finishReason(response.stopReason()), null);
        return new ChatResponse(response.id(), ChatResponse.OBJECT, created, response.model(), List.of(choice),
                usage(response.usage()), null, null);
    }

    /**
     * The OpenAI finish reason of a stop reason. {@code pause_turn} (a server tool paused a long turn) ends this
     * answer normally; reasons Anthropic adds later are reported as {@code stop} rather than failing a good answer.
     */
    public static String finishReason(String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /**
     * Usage with OpenAI's semantics. Anthropic's {@code input_tokens} excludes cached tokens, so the prompt is input
     * plus cache reads plus cache writes, and cache reads are the cached subset. Cache writes are kept as
     * {@value #CACHE_CREATION_TOKENS} for billing; {@code null} when Anthropic reported nothing.
     */
    public static Usage usage(AnthropicUsage usage) {
        if (usage == null) {
            return null;
        }
        int cacheRead = orZero(usage.cacheReadInputTokens());
        int cacheCreation = orZero(usage.cacheCreationInputTokens());
        int prompt = orZero(usage.inputTokens()) + cacheRead + cacheCreation;
        int completion = orZero(usage.outputTokens());
        Map<String, JsonNode> extra = usage.cacheCreationInputTokens() == null
                ? null : Map.of(CACHE_CREATION_TOKENS, NODES.numberNode(cacheCreation));
        return new Usage(prompt, completion, prompt + completion, new Usage.PromptTokensDetails(cacheRead, null), null,
                extra);
    }

    private static String arguments(JsonNode input) {
        return input == null || input.isNull() ? "{}" : WireJson.mapper().writeValueAsString(input);
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
