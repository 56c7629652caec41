package ai.switchboard.gateway.api.messages.wire;

import ai.switchboard.providers.anthropic.api.AnthropicError;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Anthropic's error shape, {@code {"type":"error","error":{"type","message"},"request_id"}}: the body of an error
 * answer, and the {@code error} event that ends a stream which fails after it started.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "error", "request_id"})
public record ErrorEvent(AnthropicError error, String requestId) implements MessagesEvent {

    @Override
    @JsonProperty("type")
    public String type() {
        return "error";
    }
}
