package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.ToolDefinition;
import ai.switchboard.providers.cohere.internal.api.CohereTool;
import ai.switchboard.providers.cohere.internal.api.CohereToolFunction;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Tools and {@code tool_choice}. Cohere's tool definitions have OpenAI's shape, but its {@code tool_choice} knows
 * only {@code REQUIRED} and {@code NONE}: {@code auto} is its default (the field is omitted), and a named function
 * is emulated by sending only that tool with {@code REQUIRED}, which leaves the model exactly one tool it must call.
 */
final class CohereToolMapper {

    static final String REQUIRED = "REQUIRED";
    static final String NONE = "NONE";

    private CohereToolMapper() {
    }

    /** What the client's {@code tool_choice} asks of the request. */
    record Choice(String cohereValue, String onlyTool) {

        static final Choice AUTO = new Choice(null, null);
    }

    static Choice choice(JsonNode toolChoice, List<ToolDefinition> tools) {
        boolean hasTools = tools != null && !tools.isEmpty();
        if (toolChoice == null || toolChoice.isNull() || toolChoice.isMissingNode()) {
            return Choice.AUTO;
        }
        if (toolChoice.isString()) {
            return switch (toolChoice.asString()) {
                case "auto" -> Choice.AUTO;
                // With no tools "none" is what the model does anyway; Cohere rejects tool_choice without tools.
                case "none" -> hasTools ? new Choice(NONE, null) : Choice.AUTO;
                case "required" -> {
                    requireTools(hasTools);
                    yield new Choice(REQUIRED, null);
                }
                default -> throw CohereMappingErrors.invalid("tool_choice",
                        "Unknown tool_choice '" + toolChoice.asString() + "'");
            };
        }
        String type = toolChoice.path("type").asString("");
        String name = toolChoice.path("function").path("name").asString(null);
        if (!"function".equals(type) || name == null) {
            throw CohereMappingErrors.unsupported("tool_choice",
                    "Cohere supports tool_choice 'auto', 'none', 'required' or a named function only");
        }
        requireTools(hasTools);
        if (tools.stream().noneMatch(tool -> name.equals(tool.name()))) {
            throw CohereMappingErrors.invalid("tool_choice", "tool_choice names '" + name + "', which is not in tools");
        }
        return new Choice(REQUIRED, name);
    }

    /** The tools to send: all of them, or only the one a named {@code tool_choice} selects. */
    static List<CohereTool> tools(List<ToolDefinition> tools, Choice choice) {
        if (tools == null || tools.isEmpty()) {
            return null;
        }
        List<CohereTool> mapped = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition tool = tools.get(i);
            if (!"function".equals(tool.type()) || tool.name() == null) {
                throw CohereMappingErrors.unsupported("tools[" + i + "]",
                        "Cohere supports only function tools with a name");
            }
            if (choice.onlyTool() == null || choice.onlyTool().equals(tool.name())) {
                // strict is not a Cohere function field; it becomes the request-wide strict_tools (see strict()).
                mapped.add(new CohereTool("function",
                        new CohereToolFunction(tool.name(), tool.description(), tool.parameters())));
            }
        }
        return mapped;
    }

    /**
     * Cohere's {@code strict_tools} applies to every tool, OpenAI's {@code strict} to one. Any strict tool turns it
     * on: the non-strict tools then get schema-conforming arguments too, which is stricter than asked but never
     * breaks a client, whereas leaving it off would break the strict tools' guarantee.
     */
    static Boolean strict(List<ToolDefinition> tools) {
        if (tools == null) {
            return null;
        }
        boolean anyStrict = tools.stream()
                .anyMatch(tool -> tool.function() != null && tool.function().path("strict").asBoolean(false));
        return anyStrict ? Boolean.TRUE : null;
    }

    private static void requireTools(boolean hasTools) {
        if (!hasTools) {
            throw CohereMappingErrors.invalid("tool_choice", "tool_choice requires at least one tool in 'tools'");
        }
    }
}
