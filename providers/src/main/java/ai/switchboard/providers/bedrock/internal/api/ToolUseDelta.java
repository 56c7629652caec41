package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A fragment of a tool call's input JSON, to be forwarded byte for byte. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolUseDelta(String input) {
}
