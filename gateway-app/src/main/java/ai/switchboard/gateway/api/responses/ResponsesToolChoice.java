package ai.switchboard.gateway.api.responses;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates {@code tool_choice}: the strings stay; {@code {"type":"function","name"}} becomes chat's
 * {@code {"type":"function","function":{"name"}}}; {@code allowed_tools} keeps its function entries in chat's form.
 * A choice that names a tool left out of the request (a hosted tool, {@code custom}, {@code mcp}) cannot be forced
 * and becomes {@code auto}, reported as ignored; so does any choice when no function tool is left.
 */
final class ResponsesToolChoice {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponsesToolChoice() {
    }

    static JsonNode translate(JsonNode choice, ToolNames names, boolean hasTools, Set<String> ignored) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        if (choice.isString()) {
            return hasTools || "none".equals(choice.asString()) ? choice : fallback(ignored);
        }
        String type = choice.path("type").asString();
        if (hasTools && ResponsesTools.FUNCTION.equals(type)) {
            return function(choice.path("name").asString(), names);
        }
        if (hasTools && "allowed_tools".equals(type)) {
            ArrayNode functions = NODES.arrayNode();
            for (JsonNode tool : choice.path("tools")) {
                if (ResponsesTools.FUNCTION.equals(tool.path("type").asString())) {
                    functions.add(function(tool.path("name").asString(), names));
                }
            }
            if (!functions.isEmpty()) {
                ObjectNode allowed = NODES.objectNode().put("mode", choice.path("mode").asString("auto"));
                allowed.set("tools", functions);
                return NODES.objectNode().put("type", "allowed_tools").set("allowed_tools", allowed);
            }
        }
        return fallback(ignored);
    }

    private static ObjectNode function(String name, ToolNames names) {
        return NODES.objectNode().put("type", "function").set("function",
                NODES.objectNode().put("name", names.forChoice(name)));
    }

    private static JsonNode fallback(Set<String> ignored) {
        ignored.add("tool_choice");
        return NODES.stringNode("auto");
    }
}
