package ai.switchboard.registry.admin;

import java.util.UUID;
import java.util.regex.Pattern;

/** Admin paths address an entry by its UUID or its name; names never look like a UUID's canonical form. */
public final class IdOrName {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private IdOrName() {
    }

    /** The UUID the text spells, or {@code null} if it is a name. */
    public static UUID asUuid(String idOrName) {
        return idOrName != null && UUID_TEXT.matcher(idOrName).matches() ? UUID.fromString(idOrName) : null;
    }
}
