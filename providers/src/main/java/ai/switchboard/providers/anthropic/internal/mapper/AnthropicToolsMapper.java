package ai.switchboard.providers.anthropic.internal.mapper;

import static ai.switchboard.providers.anthropic.internal.mapper.RequestRejections.invalid;
import static ai.switchboard.providers.anthropic.internal.mapper.RequestRejections.unsupported;

import ai.switchboard.providers.anthropic.internal.api.AnthropicTool;
import ai.switchboard.providers.anthropic.internal.api.AnthropicToolChoice;
import ai.switchboard.providers.api.ToolDefinition;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Maps OpenAI {@code tools}, {@code tool_choice} and {@code parallel_tool_calls}. OpenAI's per-function
 * {@code strict} flag is not forwarded: Anthropic validates tool input against the schema on its own terms.
 */
final class AnthropicToolsMapper {

    private AnthropicToolsMapper() {
    }

    /** The tools, or {@code null} when the request has none. */
    static List<AnthropicTool> tools(List<ToolDefinition> definitions) {
        if (definitions == null || definitions.isEmpty()) {
            return null;
        }
        List<AnthropicTool> tools = new ArrayList<>(definitions.size());
        for (int j = 0; j < definitions.size(); j++) {
            ToolDefinition definition = definitions.get(j);
            String param = "tools[" + j + "]";
            if (!"function".equals(definition.type())) {
                throw unsupported(param + ".type", "Only function tools can be sent to Anthropic");
            }
            if (definition.name() == null || definition.name().isBlank()) {
                throw invalid(param + ".function.name", "A tool needs a function name");
            }
            JsonNode schema = definition.parameters();
            if (schema == null || schema.isNull()) {
                // OpenAI allows a function without parameters; Anthropic requires an input schema.
                schema = WireJson.mapper().createObjectNode().put("type", "object")
                        .set("properties", WireJson.mapper().createObjectNode());
            }
            else if (!schema.isObject()) {
                throw invalid(param + ".function.parameters", "Tool parameters must be a JSON Schema object");
            }
            tools.add(new AnthropicTool(definition.name(), definition.description(), schema));
        }
        return tools;
    }

    /**
     * The tool choice: {@code auto}, {@code required}, {@code none} and a named function become {@code auto},
     * {@code any}, {@code none} and {@code tool}. Nothing is sent when the client chose nothing, since Anthropic's
     * default is {@code auto}. A choice without tools is dropped when it forbids calls and refused otherwise.
     */
    static AnthropicToolChoice toolChoice(JsonNode choice, Boolean parallelToolCalls, List<AnthropicTool> tools) {
        boolean chosen = choice != null && !choice.isNull();
        boolean serial = Boolean.FALSE.equals(parallelToolCalls);
        String type;
        String name = null;
        if (!chosen) {
            type = "auto";
        }
        else if (choice.isString()) {
            type = switch (choice.asString()) {
                case "auto" -> "auto";
                case "required" -> "any";
                case "none" -> "none";
                default -> throw invalid("tool_choice", "tool_choice must be none, auto, required or a function");
            };
        }
        else if (choice.isObject() && "function".equals(choice.path("type").asString(null))) {
            type = "tool";
            name = choice.path("function").path("name").asString(null);
            if (name == null || name.isBlank()) {
                throw invalid("tool_choice.function.name", "tool_choice names no function");
            }
        }
        else {
            throw invalid("tool_choice", "tool_choice must be none, auto, required or a function");
        }
        if (tools == null) {
            if ("auto".equals(type) || "none".equals(type)) {
                return null;
            }
            throw invalid("tool_choice", "tool_choice asks for a tool call but the request has no tools");
        }
        if (name != null && !hasTool(tools, name)) {
            throw invalid("tool_choice.function.name", "tool_choice names '" + name + "', which is not in tools");
        }
        if (!chosen && !serial) {
            return null;
        }
        Boolean disableParallel = serial && !"none".equals(type) ? Boolean.TRUE : null;
        return new AnthropicToolChoice(type, name, disableParallel);
    }

    private static boolean hasTool(List<AnthropicTool> tools, String name) {
        for (AnthropicTool tool : tools) {
            if (tool.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
