package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A tool's name, description and input schema. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolSpec(String name, String description, ToolInputSchema inputSchema) {
}
