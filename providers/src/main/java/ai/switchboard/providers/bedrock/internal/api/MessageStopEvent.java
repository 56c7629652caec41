package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A {@code messageStop} stream event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageStopEvent(String stopReason) {
}
