package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.bedrock.internal.api.ContentBlock;
import ai.switchboard.providers.bedrock.internal.api.ConverseResponse;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Translates a Converse answer into an OpenAI chat completion: text blocks are joined into {@code content},
 * {@code toolUse} blocks become {@code tool_calls} (with the client's tool names restored and the input serialized
 * as the arguments string), reasoning text becomes the message's {@code reasoning_content} (its signature cannot travel
 * through the canonical model). The emulated JSON answer's input becomes the content.
 */
public final class BedrockResponseMapper {

    private BedrockResponseMapper() {
    }

    /** The message and delta field carrying reasoning text, as OpenAI-compatible reasoning servers name it. */
    static final String REASONING_CONTENT = "reasoning_content";

    /** Returns {@code null} when the answer has no message, which callers report as malformed. */
    public static ChatResponse map(ConverseResponse response, ConversePlan plan, String id, long created,
            String model) {
        if (response.output() == null || response.output().message() == null) {
            return null;
        }
        List<ContentBlock> blocks = response.output().message().content();
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        boolean jsonAnswer = false;
        for (ContentBlock block : blocks == null ? List.<ContentBlock>of() : blocks) {
            if (block.text() != null) {
                text.append(block.text());
            }
            else if (block.reasoningContent() != null) {
                reasoning.append(block.reasoningContent().path("reasoningText").path("text").asString(""));
            }
            else if (block.toolUse() != null && plan.isJsonTool(block.toolUse().name())) {
                jsonAnswer = true;
                text.append(arguments(block.toolUse().input()));
            }
            else if (block.toolUse() != null) {
                toolCalls.add(ToolCall.of(block.toolUse().toolUseId(),
                        plan.toolNames().original(block.toolUse().name()), arguments(block.toolUse().input())));
            }
        }
        // OpenAI sends null content for a turn that only calls tools.
        JsonNode content = toolCalls.isEmpty() || !text.isEmpty() ? StringNode.valueOf(text.toString()) : null;
        ChatMessage message = new ChatMessage("assistant", content, null, toolCalls.isEmpty() ? null : toolCalls,
                null, null, reasoning.isEmpty() ? null
                        : Map.of(REASONING_CONTENT, StringNode.valueOf(reasoning.toString())));
        String finishReason = StopReasons.finishReason(response.stopReason(), jsonAnswer);
        ChatChoice choice = new ChatChoice(0, message, null, finishReason, null);
        return new ChatResponse(id, ChatResponse.OBJECT, created, model, List.of(choice),
                BedrockUsage.toOpenAi(response.usage()), null, null);
    }

    private static String arguments(JsonNode input) {
        return input == null || input.isNull() ? "{}" : WireJson.mapper().writeValueAsString(input);
    }
}
