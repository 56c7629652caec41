package ai.switchboard.gateway.api.messages;

import ai.switchboard.providers.api.Usage;
import java.util.Objects;

/**
 * A complete {@code /v1/messages} answer as the client gets it, with its usage for accounting.
 *
 * @param body a translated {@code MessagesResponse}, or an Anthropic upstream's answer exactly as it came
 * @param usage the usage with OpenAI's semantics, or {@code null} when the answer reported none
 */
record MessagesReply(Object body, Usage usage) {

    MessagesReply {
        Objects.requireNonNull(body, "body");
    }
}
