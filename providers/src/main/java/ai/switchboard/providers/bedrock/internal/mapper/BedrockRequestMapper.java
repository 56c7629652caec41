package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.reasoning.ClaudeThinking;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.api.ToolDefinition;
import ai.switchboard.providers.bedrock.internal.api.ConverseRequest;
import ai.switchboard.providers.bedrock.internal.api.InferenceConfig;
import ai.switchboard.providers.bedrock.internal.api.Tool;
import ai.switchboard.providers.bedrock.internal.api.ToolChoice;
import ai.switchboard.providers.bedrock.internal.api.ToolConfig;
import ai.switchboard.providers.bedrock.internal.api.ToolInputSchema;
import ai.switchboard.providers.bedrock.internal.api.ToolSpec;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates an OpenAI chat request into a Converse request. What Converse lacks is answered explicitly:
 * <ul>
 *   <li>{@code n > 1}, {@code logprobs}, {@code top_logprobs}, non-zero {@code presence_penalty} /
 *       {@code frequency_penalty}: rejected as unsupported, naming the parameter (silently ignoring them would change
 *       what the client gets);</li>
 *   <li>{@code seed}, {@code user}, {@code parallel_tool_calls}: ignored, as they are hints OpenAI itself does not
 *       guarantee;</li>
 *   <li>{@code temperature}: OpenAI's range is 0-2, Converse's 0-1, so it is clamped to 1;</li>
 *   <li>{@code tool_choice: "none"}: Converse cannot forbid tool use, so the tools are left out; when the history
 *       holds tool blocks Converse requires a toolConfig, and the tools are then sent without a choice;</li>
 *   <li>{@code response_format} json_schema / json_object: emulated with a forced tool whose input schema is the
 *       requested schema; its input becomes the answer's content. Not combinable with client tools.</li>
 * </ul>
 */
public final class BedrockRequestMapper {

    static final String JSON_TOOL_NAME = "json_response";
    static final String JSON_TOOL_DESCRIPTION = "Give the answer as a JSON object matching this tool's input schema.";
    static final String HISTORY_TOOL_DESCRIPTION = "A tool called earlier in this conversation.";

    private BedrockRequestMapper() {
    }

    /** Translates {@code request}; throws a {@code ProviderException} for what Converse cannot express. */
    public static ConversePlan map(ChatRequest request) {
        rejectUnsupported(request);
        ToolNames toolNames = new ToolNames();
        if (request.messages() == null) {
            throw RequestErrors.invalid("messages", "messages is required");
        }
        ConversationBuilder conversation = new ConversationBuilder(toolNames);
        for (int i = 0; i < request.messages().size(); i++) {
            conversation.add(request.messages().get(i), i);
        }
        List<Tool> tools = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        if (request.tools() != null) {
            for (int i = 0; i < request.tools().size(); i++) {
                Tool tool = tool(request.tools().get(i), toolNames, "tools[" + i + "]");
                declared.add(tool.toolSpec().name());
                tools.add(tool);
            }
        }
        String jsonTool = jsonTool(request.responseFormat(), tools, toolNames);
        ToolChoice choice = jsonTool != null ? ToolChoice.ofTool(jsonTool) : toolChoice(request.toolChoice(), toolNames);
        boolean none = choice == null && "none".equals(text(request.toolChoice()));
        boolean historyHasTools = !conversation.historyToolNames().isEmpty() || hasToolResults(request);
        if (none && !historyHasTools) {
            tools.clear();
        }
        if (historyHasTools) {
            // Converse rejects a history with tool blocks unless every tool it names is declared in toolConfig.
            for (String name : conversation.historyToolNames()) {
                if (declared.add(name)) {
                    tools.add(new Tool(new ToolSpec(name, HISTORY_TOOL_DESCRIPTION, new ToolInputSchema(emptySchema()))));
                }
            }
        }
        ToolConfig toolConfig = tools.isEmpty() ? null : new ToolConfig(tools, choice);
        var messages = conversation.messages();
        BedrockReasoning reasoning = BedrockReasoning.of(request, jsonTool != null);
        ConverseRequest converse = new ConverseRequest(conversation.system().isEmpty() ? null : conversation.system(),
                messages, inferenceConfig(request, reasoning), toolConfig, reasoning.additionalFields());
        return new ConversePlan(converse, toolNames, jsonTool);
    }

    private static void rejectUnsupported(ChatRequest request) {
        if (request.n() != null && request.n() > 1) {
            throw RequestErrors.unsupported("n", "Bedrock Converse returns one choice: n must be 1");
        }
        if (Boolean.TRUE.equals(request.logprobs()) || (request.topLogprobs() != null && request.topLogprobs() > 0)) {
            throw RequestErrors.unsupported("logprobs", "Bedrock Converse does not return log probabilities");
        }
        if (request.presencePenalty() != null && request.presencePenalty() != 0) {
            throw RequestErrors.unsupported("presence_penalty", "Bedrock Converse has no presence_penalty");
        }
        if (request.frequencyPenalty() != null && request.frequencyPenalty() != 0) {
            throw RequestErrors.unsupported("frequency_penalty", "Bedrock Converse has no frequency_penalty");
        }
    }

    private static Tool tool(ToolDefinition definition, ToolNames toolNames, String param) {
        if (definition.type() != null && !"function".equals(definition.type())) {
            throw RequestErrors.unsupported(param + ".type", "Bedrock supports only function tools");
        }
        if (definition.name() == null || definition.name().isEmpty()) {
            throw RequestErrors.invalid(param + ".function.name", "A tool needs a function name");
        }
        JsonNode parameters = definition.parameters();
        JsonNode schema = parameters == null || !parameters.isObject() ? emptySchema() : parameters;
        return new Tool(new ToolSpec(toolNames.name(definition.name()), blankToNull(definition.description()),
                new ToolInputSchema(schema)));
    }

    private static String jsonTool(ResponseFormat format, List<Tool> tools, ToolNames toolNames) {
        if (format == null || !format.wantsJson()) {
            return null;
        }
        if (!tools.isEmpty()) {
            throw RequestErrors.unsupported("response_format", "On Bedrock, response_format " + format.type()
                    + " is emulated with a forced tool call and cannot be combined with tools");
        }
        JsonNode schema = format.jsonSchema() == null ? null : format.jsonSchema().get("schema");
        String declaredName = format.jsonSchema() == null ? null : text(format.jsonSchema().get("name"));
        String name = toolNames.name(declaredName == null || declaredName.isEmpty() ? JSON_TOOL_NAME : declaredName);
        tools.add(new Tool(new ToolSpec(name, JSON_TOOL_DESCRIPTION,
                new ToolInputSchema(schema != null && schema.isObject() ? schema : emptySchema()))));
        return name;
    }

    private static ToolChoice toolChoice(JsonNode choice, ToolNames toolNames) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        if (choice.isString()) {
            return switch (choice.asString()) {
                case "auto" -> ToolChoice.ofAuto();
                case "required" -> ToolChoice.ofAny();
                case "none" -> null;
                default -> throw RequestErrors.invalid("tool_choice", "Unknown tool_choice '" + choice.asString() + "'");
            };
        }
        String name = text(choice.path("function").get("name"));
        if (name == null || name.isEmpty()) {
            throw RequestErrors.invalid("tool_choice", "A named tool_choice needs function.name");
        }
        return ToolChoice.ofTool(toolNames.name(name));
    }

    private static InferenceConfig inferenceConfig(ChatRequest request, BedrockReasoning reasoning) {
        Double temperature = request.temperature() == null || reasoning.dropsSampling() ? null
                : Math.max(0.0, Math.min(1.0, request.temperature()));
        Double topP = reasoning.dropsSampling() ? ClaudeThinking.topP(request.topP()) : request.topP();
        Integer maxTokens = reasoning.maxTokens() != null ? reasoning.maxTokens() : request.outputTokenLimit();
        List<String> stop = stopSequences(request.stop());
        if (maxTokens == null && temperature == null && topP == null && stop == null) {
            return null;
        }
        return new InferenceConfig(maxTokens, temperature, topP, stop);
    }

    private static List<String> stopSequences(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return null;
        }
        if (stop.isString()) {
            return List.of(stop.asString());
        }
        List<String> sequences = new ArrayList<>();
        for (JsonNode item : stop) {
            if (!item.isString()) {
                throw RequestErrors.invalid("stop", "stop must be a string or an array of strings");
            }
            sequences.add(item.asString());
        }
        return sequences.isEmpty() ? null : sequences;
    }

    private static boolean hasToolResults(ChatRequest request) {
        return request.messages().stream().anyMatch(message -> "tool".equals(message.role()));
    }

    private static ObjectNode emptySchema() {
        ObjectNode schema = WireJson.mapper().createObjectNode();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
