package ai.switchboard.providers.anthropic.internal.api;

import ai.switchboard.providers.anthropic.api.AnthropicError;
import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Messages API answer, or the {@code message} of a stream's {@code message_start} (then without content).
 * {@code error} is set only when an answer with HTTP 200 is an error body ({@code "type":"error"}), as proxies in
 * front of Anthropic sometimes send.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnthropicResponse(
        String id,
        String type,
        String role,
        String model,
        List<AnthropicResponseBlock> content,
        String stopReason,
        String stopSequence,
        AnthropicUsage usage,
        AnthropicError error) {

    public static final String ERROR = "error";

    public AnthropicResponse {
        content = content == null ? List.of() : content;
    }
}
