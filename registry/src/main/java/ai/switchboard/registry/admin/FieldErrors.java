package ai.switchboard.registry.admin;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects every field error of one command so the caller learns about all of them at once, then throws a single
 * {@link RegistryValidationException}. The rules shared by all entities live here, in one place.
 */
public final class FieldErrors {

    /** The longest base URL, as the database stores it. */
    public static final int MAX_URL_LENGTH = 2048;

    /** The highest price per million tokens accepted; the database holds up to 10^12 with six decimals. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private static final int PRICE_SCALE = 6;
    private static final Instant LATEST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._:/-]{1,128}");
    private static final Pattern DOTS = Pattern.compile("\\.+");

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Everything {@code other} collected. */
    public FieldErrors addAll(FieldErrors other) {
        errors.addAll(other.errors);
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

    /**
     * A registry name: 1 to 128 of letters, digits and {@code . _ : / -}, neither dots only nor shaped like a UUID
     * (admin paths take either, see {@link IdOrName}). Null is left to {@link #required}.
     */
    public FieldErrors name(String field, String value) {
        if (value != null && !NAME.matcher(value).matches()) {
            add(field, "must be 1 to 128 characters of letters, digits and . _ : / -");
        } else if (value != null && (DOTS.matcher(value).matches() || IdOrName.asUuid(value) != null)) {
            add(field, "must not be only dots or look like a UUID");
        }
        return this;
    }

    /**
     * A line of text: not blank, at most {@code maxLength} characters, no control characters (it may reach a log
     * line, a header or a URL). Null is left to {@link #required}.
     */
    public FieldErrors text(String field, String value, int maxLength) {
        if (value == null) {
            return this;
        }
        if (value.isBlank()) {
            add(field, "must not be blank");
        } else if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        } else if (!Text.isPrintable(value)) {
            add(field, "must not contain control characters");
        }
        return this;
    }

    /**
     * Text of one or more lines that a model reads: not blank, at most {@code maxLength} characters, no control
     * characters but line breaks and tabs. Null is left to {@link #required}.
     */
    public FieldErrors lines(String field, String value, int maxLength) {
        if (value == null) {
            return this;
        }
        if (value.isBlank()) {
            add(field, "must not be blank");
        } else if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        } else if (!Text.isPrintableLines(value)) {
            add(field, "must not contain control characters other than line breaks and tabs");
        }
        return this;
    }

    public FieldErrors positive(String field, Integer value) {
        return range(field, value, 1, Integer.MAX_VALUE);
    }

    /** An integer from {@code min} to {@code max}, both included. */
    public FieldErrors range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, max == Integer.MAX_VALUE ? "must be at least " + min
                    : "must be from " + min + " to " + max);
        }
        return this;
    }

    public FieldErrors notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(field, "must be greater than or equal to 0");
        }
        return this;
    }

    /** A price in USD per million tokens: 0 to {@link #MAX_PRICE}, at most six decimal places. */
    public FieldErrors price(String field, BigDecimal value) {
        if (value == null) {
            return this;
        }
        if (value.signum() < 0 || value.compareTo(MAX_PRICE) > 0) {
            add(field, "must be from 0 to " + MAX_PRICE.toPlainString());
        } else if (value.stripTrailingZeros().scale() > PRICE_SCALE) {
            add(field, "must have at most " + PRICE_SCALE + " decimal places");
        }
        return this;
    }

    /** A time in the future and before the year 10000 (the database's and ISO-8601's common range). */
    public FieldErrors inFuture(String field, Instant value, Instant now) {
        if (value != null && !value.isAfter(now)) {
            add(field, "must be in the future");
        } else if (value != null && !value.isBefore(LATEST_INSTANT)) {
            add(field, "must be before the year 10000");
        }
        return this;
    }

    /** At most {@code max} items. */
    public FieldErrors maxItems(String field, Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            add(field, "must have at most " + max + " items");
        }
        return this;
    }

    /**
     * A base URL requests are sent to: an absolute http or https URL of at most {@link #MAX_URL_LENGTH} characters,
     * with a host, a port from 1 to 65535 if one is given, no fragment (it would never be sent, and whatever follows
     * {@code #} silently disappears from the path) and no user information (a credential would show in every view
     * and export). Whether a query is allowed depends on the provider type.
     */
    public FieldErrors httpUrl(String field, String value) {
        if (value == null) {
            return this;
        }
        if (value.length() > MAX_URL_LENGTH) {
            return add(field, "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return add(field, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            add(field, "must be an absolute http or https URL");
        } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
            add(field, "must name a host");
        } else if (uri.getRawUserInfo() != null) {
            add(field, "must not carry user information (user:password@); set credentials with api_key");
        } else if (uri.getPort() == 0 || uri.getPort() > 65535) {
            add(field, "must have a port from 1 to 65535");
        } else if (uri.getRawFragment() != null) {
            add(field, "must not have a fragment (#...)");
        }
        return this;
    }
}
