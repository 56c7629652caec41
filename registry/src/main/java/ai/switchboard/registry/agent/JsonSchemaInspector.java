package ai.switchboard.registry.agent;

import ai.switchboard.registry.admin.FieldErrors;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a JSON value is a JSON Schema the gateway can apply. The schema library and its rules (the draft, no
 * remote references) live in the tools module, which depends on the registry, so the registry asks through this
 * interface; what is accepted on write is then exactly what a run can compile.
 */
public interface JsonSchemaInspector {

    /** Adds a problem under {@code field} to {@code errors} if {@code schema} is not a usable JSON Schema. */
    void inspect(String field, JsonNode schema, FieldErrors errors);
}
