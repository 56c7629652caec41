package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** A tool call by the assistant; in a stream's {@code contentBlockStart} the {@code input} is absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolUseBlock(String toolUseId, String name, JsonNode input) {
}
