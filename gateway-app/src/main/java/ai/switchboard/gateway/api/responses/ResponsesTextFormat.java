package ai.switchboard.gateway.api.responses;

import ai.switchboard.providers.api.ResponseFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates {@code text.format} to chat's {@code response_format}. The Responses form of a JSON schema is flat
 * ({@code {"type":"json_schema","name","schema","strict"}}); chat nests the same members under {@code json_schema}.
 */
final class ResponsesTextFormat {

    private ResponsesTextFormat() {
    }

    static ResponseFormat translate(JsonNode text) {
        JsonNode format = text == null ? null : text.get("format");
        if (format == null || format.isNull()) {
            return null;
        }
        String type = format.path("type").asString();
        return switch (type) {
            case ResponseFormat.JSON_OBJECT -> new ResponseFormat(ResponseFormat.JSON_OBJECT, null, Map.of());
            case ResponseFormat.JSON_SCHEMA -> {
                ObjectNode schema = JsonNodeFactory.instance.objectNode();
                for (String member : new String[] {"name", "description", "schema", "strict"}) {
                    JsonNode value = format.get(member);
                    if (value != null && !value.isNull()) {
                        schema.set(member, value);
                    }
                }
                yield new ResponseFormat(ResponseFormat.JSON_SCHEMA, schema, Map.of());
            }
            default -> null;
        };
    }
}
