package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * A function the model may call. The schema goes in {@code parametersJsonSchema}, which takes full JSON Schema, so
 * the client's schema is sent as written instead of being pruned to the OpenAPI subset {@code parameters} accepts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionDeclaration(String name, String description, JsonNode parametersJsonSchema) {
}
