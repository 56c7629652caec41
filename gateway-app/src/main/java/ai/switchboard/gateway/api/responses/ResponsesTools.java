package ai.switchboard.gateway.api.responses;

import ai.switchboard.providers.api.ToolDefinition;
import ai.switchboard.providers.json.WireJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates Responses {@code tools} to canonical function tools. {@code function} tools keep their definition (the
 * Responses form is flat: {@code name}, {@code parameters} beside {@code type}); the functions of a {@code namespace}
 * tool are flattened ({@link ToolNames}); every other type is a tool the upstream would have to run itself
 * ({@code web_search}, {@code file_search}, {@code code_interpreter}, {@code image_generation}, {@code mcp},
 * {@code custom}, shells...) and is left out, by type, for the caller to report.
 */
final class ResponsesTools {

    static final String FUNCTION = "function";
    static final String NAMESPACE = "namespace";

    private ResponsesTools() {
    }

    /** The translated tools ({@code null} when there are none), filling {@code names} and {@code dropped}. */
    static List<ToolDefinition> translate(JsonNode tools, ToolNames names, Set<String> dropped) {
        if (tools == null || tools.isNull() || tools.isEmpty()) {
            return null;
        }
        Set<String> topLevel = new LinkedHashSet<>();
        for (JsonNode tool : tools) {
            if (FUNCTION.equals(tool.path("type").asString())) {
                topLevel.add(tool.path("name").asString());
            }
        }
        List<ToolDefinition> definitions = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String type = tool.path("type").asString();
            if (FUNCTION.equals(type)) {
                definitions.add(function(tool, tool.path("name").asString()));
            } else if (NAMESPACE.equals(type)) {
                String namespace = tool.path("name").asString();
                JsonNode members = tool.path("tools");
                for (int j = 0; j < members.size(); j++) {
                    JsonNode member = members.get(j);
                    String flat = names.register(namespace, member.path("name").asString());
                    if (topLevel.contains(flat)) {
                        throw ResponsesRefusals.invalid("tools[" + i + "].tools[" + j + "].name", "the flattened "
                                + "name '" + flat + "' of this namespaced function is also the name of a top-level "
                                + "function, and this model's provider has no namespaces to tell them apart.");
                    }
                    definitions.add(function(member, flat));
                }
            } else {
                dropped.add(type);
            }
        }
        return definitions.isEmpty() ? null : definitions;
    }

    private static ToolDefinition function(JsonNode tool, String name) {
        ObjectNode function = WireJson.mapper().createObjectNode();
        function.put("name", name);
        copy(tool, function, "description");
        copy(tool, function, "parameters");
        copy(tool, function, "strict");
        return new ToolDefinition(FUNCTION, function, Map.of());
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value);
        }
    }
}
