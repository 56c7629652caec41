package ai.switchboard.registry.tool;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A new tool, or a change to one ({@code null} fields keep their value). On a change, {@code config} replaces the
 * stored configuration except for the secret fields it leaves out, which are kept; a secret field given as JSON
 * {@code null} is removed.
 *
 * @param config the type's configuration, secret fields in plaintext
 * @param clear optional fields a change removes ({@code description})
 */
public record ToolCommand(String name, String type, String description, JsonNode config, Set<String> clear) {

    public ToolCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }

    @Override
    public String toString() {
        return "ToolCommand[name=" + name + ", type=" + type + "]";
    }
}
