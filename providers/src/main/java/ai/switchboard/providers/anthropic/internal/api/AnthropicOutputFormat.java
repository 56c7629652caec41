package ai.switchboard.providers.anthropic.internal.api;

import tools.jackson.databind.JsonNode;

/** {@code output_config.format}: {@code {"type":"json_schema","schema":{…}}} (structured outputs). */
public record AnthropicOutputFormat(String type, JsonNode schema) {

    /** A format constraining the answer to {@code schema}. */
    public static AnthropicOutputFormat jsonSchema(JsonNode schema) {
        return new AnthropicOutputFormat("json_schema", schema);
    }
}
