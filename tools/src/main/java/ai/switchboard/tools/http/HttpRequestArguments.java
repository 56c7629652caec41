package ai.switchboard.tools.http;

import ai.switchboard.tools.ToolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The model's request, read from arguments that already passed the tool's schema. The checks here repeat the
 * schema's where a mistake would change what is sent, so a tool called without the invoker still refuses them.
 *
 * @param method {@code GET} or {@code POST}, one the configuration allows
 * @param url the URL as the model wrote it
 * @param query parameters to append to the URL's query
 * @param body the JSON body of a POST, or {@code null}
 */
record HttpRequestArguments(String method, String url, Map<String, String> query, JsonNode body) {

    static HttpRequestArguments from(JsonNode arguments, List<String> methods) {
        JsonNode url = arguments.path("url");
        if (!url.isString()) {
            throw ToolException.refused("The argument url must be a string");
        }
        String method = arguments.path("method").isString()
                ? arguments.path("method").asString().toUpperCase(Locale.ROOT)
                : methods.get(0);
        if (!methods.contains(method)) {
            throw ToolException.refused("The method " + method + " is not allowed (allowed: " + methods + ")");
        }
        Map<String, String> query = new LinkedHashMap<>();
        JsonNode parameters = arguments.path("query");
        if (parameters.isObject()) {
            for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
                if (!parameter.getValue().isValueNode() || parameter.getValue().isNull()) {
                    throw ToolException.refused("The query parameter " + parameter.getKey() + " must be a scalar");
                }
                query.put(parameter.getKey(), parameter.getValue().asString());
            }
        }
        JsonNode body = arguments.get("body");
        if (body != null && !method.equals("POST")) {
            throw ToolException.refused("A body is only sent with POST");
        }
        return new HttpRequestArguments(method, url.asString(), query, body);
    }
}
