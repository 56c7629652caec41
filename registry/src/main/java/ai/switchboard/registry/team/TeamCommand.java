package ai.switchboard.registry.team;

import java.util.Set;

/**
 * A new team, or a change to one ({@code null} fields keep their value).
 *
 * @param clear optional fields a change removes ({@code description})
 */
public record TeamCommand(String name, String description, Set<String> clear) {

    public TeamCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }
}
