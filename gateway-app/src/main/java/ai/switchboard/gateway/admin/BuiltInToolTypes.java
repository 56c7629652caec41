package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.tool.ToolTypeInspector;
import ai.switchboard.tools.ToolTypes;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The registry's view of the tools module's catalog: the tool types that exist are the ones the catalog holds, and
 * each checks the configuration it will bind, so neither list nor rule is kept twice.
 */
@Component
class BuiltInToolTypes implements ToolTypeInspector {

    private final ToolTypes types;

    BuiltInToolTypes(ToolTypes types) {
        this.types = types;
    }

    @Override
    public Set<String> types() {
        return types.names();
    }

    @Override
    public Set<String> secretFields(String type) {
        return types.secretFields(type);
    }

    @Override
    public void inspect(String name, String type, String description, JsonNode config, FieldErrors errors) {
        types.validate(name, type, config, errors);
    }
}
