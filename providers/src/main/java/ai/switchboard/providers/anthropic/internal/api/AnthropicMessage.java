package ai.switchboard.providers.anthropic.internal.api;

import ai.switchboard.providers.anthropic.api.AnthropicContent;
import java.util.List;

/** One turn: {@code user} or {@code assistant}, always with content blocks (never the string shorthand). */
public record AnthropicMessage(String role, List<AnthropicContent> content) {

    public AnthropicMessage {
        content = List.copyOf(content);
    }
}
