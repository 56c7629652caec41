package ai.switchboard.bench.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} and {@code --name=value} command-line flags; anything else is refused. */
public final class Flags {

    private Flags() {
    }

    /** The flags in order; a mutable map, so a caller can remove what it consumed and refuse the rest. */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                flags.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        return flags;
    }

    /** Fails on any flag left in {@code flags}. */
    public static void requireConsumed(Map<String, String> flags) {
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown flags: " + flags.keySet());
        }
    }
}
