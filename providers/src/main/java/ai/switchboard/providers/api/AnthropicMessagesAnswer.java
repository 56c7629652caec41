package ai.switchboard.providers.api;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A complete answer of a native Anthropic Messages API.
 *
 * @param body the answer exactly as the provider sent it
 * @param usage its usage with OpenAI's semantics (see {@link Usage}), for accounting; {@code null} if it had none
 */
public record AnthropicMessagesAnswer(ObjectNode body, Usage usage) {

    public AnthropicMessagesAnswer {
        Objects.requireNonNull(body, "body");
    }
}
