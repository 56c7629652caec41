package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The tool the model must call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecificToolChoice(String name) {
}
