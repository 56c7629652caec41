package ai.switchboard.registry.admin;

import java.util.Objects;

/**
 * One rejected input field.
 *
 * @param field the field as named in the admin API (snake_case, with an index for list items, e.g. {@code scopes[1]})
 * @param message why it was rejected, safe to show to the caller (never echoes a secret)
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
