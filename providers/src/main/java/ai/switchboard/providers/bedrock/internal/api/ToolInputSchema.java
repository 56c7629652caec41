package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** A JSON Schema (of type object) wrapped as Converse expects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolInputSchema(JsonNode json) {
}
