package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One block of the system prompt; only text is produced by the gateway. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemContentBlock(String text) {
}
