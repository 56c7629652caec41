package ai.switchboard.registry;

import java.util.Locale;

/**
 * What an API key may do. Roles are scopes: a key may hold several, and each admin route declares which it accepts.
 *
 * <ul>
 *   <li>{@code inference}: call models and routes ({@code /v1}), within the key's allowed models.</li>
 *   <li>{@code admin}: everything in the admin API.</li>
 *   <li>{@code team-admin}: its own team's keys, budgets, limits and usage; nothing else.</li>
 *   <li>{@code viewer}: read-only admin (every admin {@code GET}; the admin API never shows a secret).</li>
 * </ul>
 */
public enum KeyScope {
    INFERENCE("inference"), ADMIN("admin"), TEAM_ADMIN("team-admin"), VIEWER("viewer");

    private final String wireName;

    KeyScope(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the admin API. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name, case-insensitively; {@link IllegalArgumentException} for an unknown one. */
    public static KeyScope fromWire(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (KeyScope scope : values()) {
            if (scope.wireName.equals(wanted)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("Unknown scope: " + value);
    }
}
