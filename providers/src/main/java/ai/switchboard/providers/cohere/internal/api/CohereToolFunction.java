package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** The function of a tool definition; the parameters' JSON Schema passes through untouched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohereToolFunction(String name, String description, JsonNode parameters) {
}
