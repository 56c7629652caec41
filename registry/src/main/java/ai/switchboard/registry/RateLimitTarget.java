package ai.switchboard.registry;

import java.util.Locale;

/** What a rate limit is set on: every request of a key, of a team's keys, or served by a model. */
public enum RateLimitTarget {
    KEY,
    TEAM,
    MODEL;

    /** The name in JSON, the declarative file, audit rows and metric tags. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code key}, {@code team} or {@code model} */
    public static RateLimitTarget fromWire(String value) {
        for (RateLimitTarget target : values()) {
            if (target.wireName().equals(value)) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown rate limit target: " + value);
    }
}
