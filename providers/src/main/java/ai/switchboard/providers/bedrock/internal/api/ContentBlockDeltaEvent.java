package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A {@code contentBlockDelta} stream event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentBlockDeltaEvent(Integer contentBlockIndex, ContentBlockDelta delta) {
}
