package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** The delta of a {@code contentBlockDelta} event: text, a tool-input fragment, or reasoning (which is dropped). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentBlockDelta(String text, ToolUseDelta toolUse, JsonNode reasoningContent) {
}
