package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** One part of a tool result: text, or a JSON document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResultContent(String text, JsonNode json) {
}
