package ai.switchboard.registry.tool;

import ai.switchboard.registry.admin.FieldErrors;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Knows the built-in tool types and their configuration. The types live in the tools module, which depends on the
 * registry, so the registry asks through this interface (implemented by the application from the tools module's
 * catalog) before it stores a tool; the declarative file and the admin API are checked alike.
 */
public interface ToolTypeInspector {

    /** The type names a tool may have. */
    Set<String> types();

    /** The top-level configuration fields of {@code type} that hold secrets (empty for an unknown type). */
    Set<String> secretFields(String type);

    /**
     * Adds every problem of the definition to {@code errors}: under {@code name} (the rule models apply to function
     * names), {@code type} and {@code config.*}. {@code config} carries the secret fields in plaintext; no message
     * may repeat a value.
     */
    void inspect(String name, String type, String description, JsonNode config, FieldErrors errors);
}
