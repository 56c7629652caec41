package ai.switchboard.registry.admin;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects every field error of one command so the caller learns about all of them at once, then throws a single
 * {@link RegistryValidationException}. The rules shared by all entities live here, in one place.
 */
public final class FieldErrors {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._:/-]{1,128}");

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws a {@link RegistryValidationException} with everything collected, if anything was. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new RegistryValidationException(errors);
        }
    }

    public FieldErrors required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
        return this;
    }

    /** A registry name: 1 to 128 of letters, digits and {@code . _ : / -}. Null is left to {@link #required}. */
    public FieldErrors name(String field, String value) {
        if (value != null && !NAME.matcher(value).matches()) {
            add(field, "must be 1 to 128 characters of letters, digits and . _ : / -");
        }
        return this;
    }

    public FieldErrors notBlank(String field, String value, int maxLength) {
        if (value != null && value.isBlank()) {
            add(field, "must not be blank");
        } else if (value != null && value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    public FieldErrors positive(String field, Integer value) {
        if (value != null && value <= 0) {
            add(field, "must be greater than 0");
        }
        return this;
    }

    public FieldErrors notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(field, "must be greater than or equal to 0");
        }
        return this;
    }

    public FieldErrors inFuture(String field, Instant value, Instant now) {
        if (value != null && !value.isAfter(now)) {
            add(field, "must be in the future");
        }
        return this;
    }

    /** An absolute http or https URL with a host. */
    public FieldErrors httpUrl(String field, String value) {
        if (value == null) {
            return this;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                add(field, "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            add(field, "must be an absolute http or https URL");
        }
        return this;
    }
}
