package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** A {@code functionCall}: {@code args} is a JSON object, not a string; {@code id} is absent on older models. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCallPart(String id, String name, JsonNode args) {
}
