package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a starting content block is; the gateway only needs {@code toolUse}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentBlockStart(ToolUseBlock toolUse) {
}
