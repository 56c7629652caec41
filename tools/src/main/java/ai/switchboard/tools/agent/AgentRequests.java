package ai.switchboard.tools.agent;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.api.ToolDefinition;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.tools.ToolSpec;
import ai.switchboard.tools.invoke.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model requests of a run. The first is the client's request with the agent's instructions first, its granted
 * tools (and only those) and its answer schema; each next one adds the model's tool calls and their results.
 * Everything else the client set (temperature, output cap, user) is sent on every step.
 */
final class AgentRequests {

    /** The rule OpenAI applies to a {@code json_schema} name. */
    private static final int MAX_SCHEMA_NAME = 64;

    private AgentRequests() {
    }

    static ChatRequest first(ChatRequest client, AgentConfig agent, List<ToolSpec> tools) {
        List<ChatMessage> messages = new ArrayList<>();
        if (agent.instructions() != null) {
            messages.add(new ChatMessage("system", JsonNodeFactory.instance.stringNode(agent.instructions()), null,
                    null, null, null, null));
        }
        messages.addAll(client.messages());
        List<ToolDefinition> definitions = tools.isEmpty() ? null : tools.stream().map(AgentRequests::definition)
                .toList();
        ResponseFormat format = agent.responseFormat() == null ? client.responseFormat() : schema(agent);
        return new ChatRequest(client.model(), messages, Boolean.FALSE, null, definitions, null,
                definitions == null ? null : agent.parallelToolCalls(), format, client.n(), client.stop(),
                client.seed(), client.logprobs(), client.topLogprobs(), client.maxTokens(),
                client.maxCompletionTokens(), client.temperature(), client.topP(), client.presencePenalty(),
                client.frequencyPenalty(), client.user(), client.extra());
    }

    /** {@code request} with the model's message that called tools, then one {@code tool} message per result. */
    static ChatRequest next(ChatRequest request, ChatMessage said, List<Answered> results) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        messages.add(said);
        for (Answered result : results) {
            messages.add(new ChatMessage("tool", JsonNodeFactory.instance.stringNode(result.result().content()),
                    null, null, result.callId(), null, null));
        }
        return new ChatRequest(request.model(), messages, request.stream(), request.streamOptions(), request.tools(),
                request.toolChoice(), request.parallelToolCalls(), request.responseFormat(), request.n(),
                request.stop(), request.seed(), request.logprobs(), request.topLogprobs(), request.maxTokens(),
                request.maxCompletionTokens(), request.temperature(), request.topP(), request.presencePenalty(),
                request.frequencyPenalty(), request.user(), request.extra());
    }

    /** {@code request} with the answer that broke the schema, then a user message saying how, asking for a fix. */
    static ChatRequest repair(ChatRequest request, ChatMessage said, List<String> problems) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        messages.add(said);
        messages.add(new ChatMessage("user", JsonNodeFactory.instance.stringNode("Your answer does not match the "
                + "required JSON schema: " + String.join("; ", problems) + ". Reply again with only a JSON document "
                + "that matches it."), null, null, null, null, null));
        return new ChatRequest(request.model(), messages, request.stream(), request.streamOptions(), request.tools(),
                request.toolChoice(), request.parallelToolCalls(), request.responseFormat(), request.n(),
                request.stop(), request.seed(), request.logprobs(), request.topLogprobs(), request.maxTokens(),
                request.maxCompletionTokens(), request.temperature(), request.topP(), request.presencePenalty(),
                request.frequencyPenalty(), request.user(), request.extra());
    }

    private static ToolDefinition definition(ToolSpec spec) {
        ObjectNode tool = spec.toOpenAiTool();
        return new ToolDefinition(tool.path("type").asString(), tool.get("function"), Map.of());
    }

    private static ResponseFormat schema(AgentConfig agent) {
        ObjectNode jsonSchema = JsonNodeFactory.instance.objectNode();
        String name = agent.name().replaceAll("[^a-zA-Z0-9_-]", "_");
        jsonSchema.put("name", name.length() > MAX_SCHEMA_NAME ? name.substring(0, MAX_SCHEMA_NAME) : name);
        jsonSchema.set("schema", agent.responseFormat());
        return new ResponseFormat(ResponseFormat.JSON_SCHEMA, jsonSchema, Map.of());
    }

    /** A tool call's result, with the id of the call it answers. */
    record Answered(String callId, ToolResult result) {
    }
}
