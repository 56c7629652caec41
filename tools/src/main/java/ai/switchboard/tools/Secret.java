package ai.switchboard.tools;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;

/**
 * A secret of a tool's configuration (a header value, a password), already decrypted by the registry. Its
 * {@link #toString()} never shows the value, so a configuration record can be logged; tools must keep the value out
 * of specs, results and error messages.
 */
public record Secret(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Secret {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
