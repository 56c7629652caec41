package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.cohere.internal.api.CohereChatResponse;
import ai.switchboard.providers.cohere.internal.api.CohereContent;
import ai.switchboard.providers.cohere.internal.api.CohereToolCall;
import ai.switchboard.providers.cohere.internal.client.CohereErrors;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A complete Cohere answer as an OpenAI chat completion: text blocks joined into {@code content}, tool calls as they
 * are, the finish reason and usage translated. {@code tool_plan}, citations and thinking blocks have no OpenAI field
 * and are left out (in particular, never shown as content). An {@code ERROR} or {@code TIMEOUT} finish is a failure.
 */
public final class CohereResponseMapper {

    private CohereResponseMapper() {
    }

    /** {@code model} is the id the request named (Cohere does not echo it); {@code created} is epoch seconds. */
    public static ChatResponse toOpenAi(ProviderEndpoint endpoint, String model, long created,
            CohereChatResponse response) {
        if (response.message() == null) {
            throw UpstreamErrors.malformed(endpoint, "an answer without a message", null);
        }
        if (CohereFinishReasons.isError(response.finishReason())) {
            throw CohereErrors.finishedWithError(endpoint, response.finishReason(), null);
        }
        StringBuilder text = new StringBuilder();
        for (CohereContent block : response.message().content()) {
            if (block != null && block.isText() && block.text() != null) {
                text.append(block.text());
            }
        }
        List<ToolCall> toolCalls = toolCalls(response.message().toolCalls());
        // OpenAI sends content null on a turn that only calls tools, and a string otherwise.
        JsonNode content = text.isEmpty() && !toolCalls.isEmpty()
                ? WireJson.mapper().getNodeFactory().nullNode()
                : WireJson.mapper().getNodeFactory().stringNode(text.toString());
        ChatMessage message = new ChatMessage("assistant", content, null, toolCalls.isEmpty() ? null : toolCalls,
                null, null, null);
        ChatChoice choice = new ChatChoice(0, message, CohereLogprobs.toOpenAi(response.logprobs()),
                CohereFinishReasons.toOpenAi(response.finishReason(), !toolCalls.isEmpty()), null);
        // OpenAI SDKs expect an id; Cohere always sends one, but a proxy in between may not keep it.
        String id = response.id() != null ? response.id() : "chatcmpl-" + UUID.randomUUID();
        return new ChatResponse(id, ChatResponse.OBJECT, created, model, List.of(choice),
                CohereUsageMapper.toOpenAi(response.usage()), null, null);
    }

    private static List<ToolCall> toolCalls(List<CohereToolCall> calls) {
        List<ToolCall> mapped = new ArrayList<>(calls.size());
        for (CohereToolCall call : calls) {
            String name = call.function() == null ? null : call.function().name();
            String arguments = call.function() == null ? null : call.function().arguments();
            mapped.add(ToolCall.of(call.id(), name, arguments == null || arguments.isEmpty() ? "{}" : arguments));
        }
        return mapped;
    }
}
