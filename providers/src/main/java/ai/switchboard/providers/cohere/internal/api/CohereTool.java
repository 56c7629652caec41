package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A tool definition, {@code {"type":"function","function":{name, description, parameters}}} as in OpenAI. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohereTool(String type, CohereToolFunction function) {
}
