package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code metadata} stream event that follows {@code messageStop} and carries usage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetadataEvent(TokenUsage usage) {
}
