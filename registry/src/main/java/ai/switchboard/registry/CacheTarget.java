package ai.switchboard.registry;

import java.util.Locale;

/** What a cache policy is set on: every request of a key, or every request for a model or a route. */
public enum CacheTarget {
    KEY,
    MODEL,
    ROUTE;

    /** The name in JSON, the declarative file and audit rows. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code key}, {@code model} or {@code route} */
    public static CacheTarget fromWire(String value) {
        for (CacheTarget target : values()) {
            if (target.wireName().equals(value)) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown cache target: " + value);
    }
}
