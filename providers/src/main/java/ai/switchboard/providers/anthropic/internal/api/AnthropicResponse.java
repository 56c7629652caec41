package ai.switchboard.providers.anthropic.internal.api;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A Messages API answer, or the {@code message} of a stream's {@code message_start} (then without content). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnthropicResponse(
        String id,
        String type,
        String role,
        String model,
        List<AnthropicResponseBlock> content,
        String stopReason,
        String stopSequence,
        AnthropicUsage usage) {

    public AnthropicResponse {
        content = content == null ? List.of() : content;
    }
}
