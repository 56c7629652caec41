package ai.switchboard.gateway.admin;

import ai.switchboard.registry.tool.ToolCommand;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST} and {@code PATCH /admin/v1/tools}; {@code config} is the tool type's JSON object, secret
 * fields included in plaintext. {@link #toString()} leaves the configuration out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ToolRequest(String name, String type, String description, JsonNode config) {

    /** @param clear the optional fields the PATCH sent as {@code null} */
    ToolCommand toCommand(Set<String> clear) {
        return new ToolCommand(name, type, description, config, clear);
    }

    @Override
    public String toString() {
        return "ToolRequest[name=" + name + ", type=" + type + "]";
    }
}
