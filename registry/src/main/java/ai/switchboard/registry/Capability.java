package ai.switchboard.registry;

import java.util.Locale;

/** What a model can do; requests that need a capability are only sent to models that declare it. */
public enum Capability {
    CHAT, COMPLETIONS, EMBEDDINGS, TOOLS, VISION, JSON, STREAMING;

    /** The name used in the admin API and the declarative file. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively. */
    public static Capability fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
