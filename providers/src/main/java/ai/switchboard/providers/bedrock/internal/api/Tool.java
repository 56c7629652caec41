package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of {@code toolConfig.tools}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(ToolSpec toolSpec) {
}
