package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ToolDefinition;
import ai.switchboard.providers.gemini.internal.api.FunctionCallingConfig;
import ai.switchboard.providers.gemini.internal.api.FunctionDeclaration;
import ai.switchboard.providers.gemini.internal.api.Tool;
import ai.switchboard.providers.gemini.internal.api.ToolConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code tools} and {@code tool_choice} as function declarations and a function-calling mode. Schemas go to
 * {@code parametersJsonSchema} unchanged: pruning them to the OpenAPI subset of {@code parameters} would silently
 * drop constraints ({@code $ref}, {@code additionalProperties}, {@code oneOf}) the client relies on.
 */
final class GeminiTools {

    private GeminiTools() {
    }

    static Translated translate(List<ToolDefinition> tools, JsonNode toolChoice) {
        if (tools == null || tools.isEmpty()) {
            // Without declarations there is nothing to choose from; a mode alone would be meaningless.
            return new Translated(null, null);
        }
        List<FunctionDeclaration> declarations = new ArrayList<>(tools.size());
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition tool = tools.get(i);
            if (!"function".equals(tool.type())) {
                throw GeminiRejections.unsupported("tools[" + i + "].type",
                        "Tool type '" + tool.type() + "' is not supported by Gemini; only function tools are");
            }
            String name = tool.name();
            if (name == null || name.isBlank()) {
                throw GeminiRejections.invalid("tools[" + i + "].function.name", "A function tool needs a name");
            }
            names.add(name);
            JsonNode parameters = tool.parameters();
            declarations.add(new FunctionDeclaration(name, tool.description(),
                    parameters == null || parameters.isNull() ? null : parameters));
        }
        Choice choice = choice(toolChoice, names);
        if (choice.onlyNames() != null) {
            declarations.removeIf(declaration -> !choice.onlyNames().contains(declaration.name()));
        }
        return new Translated(List.of(new Tool(declarations)),
                choice.config() == null ? null : new ToolConfig(choice.config()));
    }

    private static Choice choice(JsonNode toolChoice, Set<String> names) {
        if (toolChoice == null || toolChoice.isNull()) {
            return new Choice(null, null);
        }
        if (toolChoice.isString()) {
            return switch (toolChoice.asString()) {
                case "auto" -> new Choice(new FunctionCallingConfig(FunctionCallingConfig.AUTO, null), null);
                case "none" -> new Choice(new FunctionCallingConfig(FunctionCallingConfig.NONE, null), null);
                case "required" -> new Choice(new FunctionCallingConfig(FunctionCallingConfig.ANY, null), null);
                default -> throw GeminiRejections.invalid("tool_choice",
                        "tool_choice must be none, auto, required or a named function");
            };
        }
        String type = toolChoice.path("type").asString("");
        if ("function".equals(type)) {
            String name = toolChoice.path("function").path("name").asString(null);
            return new Choice(new FunctionCallingConfig(FunctionCallingConfig.ANY, List.of(known(name, names))),
                    null);
        }
        if ("allowed_tools".equals(type)) {
            JsonNode allowed = toolChoice.path("allowed_tools");
            List<String> allowedNames = new ArrayList<>();
            for (JsonNode tool : allowed.path("tools")) {
                allowedNames.add(known(tool.path("function").path("name").asString(null), names));
            }
            if ("required".equals(allowed.path("mode").asString("auto"))) {
                return new Choice(new FunctionCallingConfig(FunctionCallingConfig.ANY, allowedNames), null);
            }
            // Gemini restricts names only in ANY mode; for auto the other declarations are left out instead.
            return new Choice(new FunctionCallingConfig(FunctionCallingConfig.AUTO, null), Set.copyOf(allowedNames));
        }
        throw GeminiRejections.invalid("tool_choice", "tool_choice type '" + type + "' is not supported");
    }

    private static String known(String name, Set<String> names) {
        if (name == null || !names.contains(name)) {
            throw GeminiRejections.invalid("tool_choice", "tool_choice names a function that is not in tools");
        }
        return name;
    }

    /**
     * The translated tools.
     *
     * @param tools the single tool holding every declaration, or {@code null}
     * @param toolConfig the calling mode, or {@code null} for Gemini's default (AUTO)
     */
    record Translated(List<Tool> tools, ToolConfig toolConfig) {
    }

    private record Choice(FunctionCallingConfig config, Set<String> onlyNames) {
    }
}
