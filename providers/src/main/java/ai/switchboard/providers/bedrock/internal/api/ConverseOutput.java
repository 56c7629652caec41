package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code output} of a Converse response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConverseOutput(Message message) {
}
