package ai.switchboard.gateway.cache;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A stored answer: its JSON exactly as it was sent to the client that caused it, and what producing it cost, which a
 * hit saves.
 *
 * @param body the answer's JSON (a chat completion, an embedding list)
 * @param model the public name of the model that produced it, or {@code null}
 * @param costUsd what it cost, or {@code null} when the model has no price
 * @param expiresAtMillis when it stops being served (epoch milliseconds)
 */
public record CachedAnswer(byte[] body, String model, long inputTokens, long outputTokens, BigDecimal costUsd,
        long expiresAtMillis) {

    public CachedAnswer {
        Objects.requireNonNull(body, "body");
    }
}
