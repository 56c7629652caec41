package ai.switchboard.registry.key;

import java.util.Objects;

/**
 * The result of creating a key: the only place its plaintext ever appears. {@link #toString()} leaves it out.
 *
 * @param plaintext the full key, to be returned to the caller once and never stored
 */
public record ApiKeyCreated(ApiKeyView key, String plaintext) {

    public ApiKeyCreated {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plaintext, "plaintext");
    }

    @Override
    public String toString() {
        return "ApiKeyCreated[key=" + key + "]";
    }
}
