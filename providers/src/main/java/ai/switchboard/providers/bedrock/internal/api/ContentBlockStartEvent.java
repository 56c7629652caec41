package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A {@code contentBlockStart} stream event; only tool-use blocks get one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentBlockStartEvent(Integer contentBlockIndex, ContentBlockStart start) {
}
