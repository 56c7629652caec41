package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A Converse response. {@code metrics} and {@code trace} are not used by the gateway. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConverseResponse(ConverseOutput output, String stopReason, TokenUsage usage) {
}
