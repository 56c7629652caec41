package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code response_format}: {@code text}, or {@code json_object} with an optional schema. Unlike OpenAI, the schema
 * sits directly under {@code json_schema} (no name/strict wrapper) and the type stays {@code json_object}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohereResponseFormat(String type, JsonNode jsonSchema) {
}
