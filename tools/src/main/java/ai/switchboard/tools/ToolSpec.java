package ai.switchboard.tools;

import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a server-side tool presents itself to a model: a name the model calls it by, a description the model reads,
 * and the JSON Schema of its arguments.
 */
public record ToolSpec(String name, String description, JsonNode parameters) {

    /** The name rule shared by OpenAI, Anthropic and Bedrock, so one spec is valid for every provider. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Tool name must match " + NAME.pattern() + ": " + name);
        }
        if (parameters == null) {
            parameters = JsonNodeFactory.instance.objectNode().put("type", "object");
        } else if (!parameters.isObject() || !"object".equals(parameters.path("type").asString(null))) {
            throw new IllegalArgumentException("Tool parameters must be a JSON Schema of type object: " + name);
        }
    }

    /** The OpenAI {@code tools[]} entry for this tool. */
    public ObjectNode toOpenAiTool() {
        ObjectNode tool = JsonNodeFactory.instance.objectNode().put("type", "function");
        ObjectNode function = tool.putObject("function").put("name", name);
        if (description != null) {
            function.put("description", description);
        }
        function.set("parameters", parameters);
        return tool;
    }
}
