package ai.switchboard.registry;

import java.util.Locale;

/** What an API key may do: call models ({@code inference}) or change the registry ({@code admin}). */
public enum KeyScope {
    INFERENCE, ADMIN;

    /** The name used in the admin API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively. */
    public static KeyScope fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
