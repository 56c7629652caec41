package ai.switchboard.tools.http;

import ai.switchboard.tools.ToolSpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** How an http tool presents itself: the allowed prefixes and methods, never a header or a secret. */
final class HttpToolSpecs {

    private static final int MAX_QUERY_PARAMETERS = 50;

    private HttpToolSpecs() {
    }

    static ToolSpec spec(String name, String description, HttpToolConfig config, HttpAllowList allowList) {
        String methods = String.join(" or ", config.methods());
        String text = description != null && !description.isBlank() ? description
                : "Sends an HTTP " + methods + " request to an allowed URL and returns the status, headers and body.";
        return new ToolSpec(name, text, parameters(config, allowList));
    }

    private static ObjectNode parameters(HttpToolConfig config, HttpAllowList allowList) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("url").put("type", "string").put("maxLength", RequestUrl.MAX_LENGTH)
                .put("description", "Absolute URL starting with one of: " + allowList.describe());
        if (config.methods().size() > 1) {
            ObjectNode method = properties.putObject("method").put("type", "string")
                    .put("description", "HTTP method, " + config.methods().get(0) + " if omitted");
            ArrayNode allowed = method.putArray("enum");
            config.methods().forEach(allowed::add);
        }
        ObjectNode query = properties.putObject("query").put("type", "object")
                .put("maxProperties", MAX_QUERY_PARAMETERS)
                .put("description", "Query parameters to add to the URL");
        query.putObject("additionalProperties").putArray("type").add("string").add("number").add("boolean");
        if (config.methods().contains("POST")) {
            ObjectNode body = properties.putObject("body");
            body.setAll((ObjectNode) config.bodySchema());
            if (!body.has("description")) {
                body.put("description", "JSON body of a POST request");
            }
        }
        schema.putArray("required").add("url");
        schema.put("additionalProperties", false);
        return schema;
    }
}
