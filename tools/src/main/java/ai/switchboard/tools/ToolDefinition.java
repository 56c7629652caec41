package ai.switchboard.tools;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A configured tool as the registry holds it: the name models call it by, its {@link ToolType} name, the
 * description models read, and the type's configuration with secrets already decrypted.
 */
public record ToolDefinition(String name, String type, String description, JsonNode config) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
