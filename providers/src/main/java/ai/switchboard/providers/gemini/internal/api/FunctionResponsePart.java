package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** A {@code functionResponse}: {@code name} is required and {@code response} must be a JSON object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionResponsePart(String id, String name, JsonNode response) {
}
