package ai.switchboard.tools;

import ai.switchboard.registry.admin.FieldErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The catalog of tool types: validates tool definitions for the registry (every problem at once, under
 * {@code name}, {@code type} and {@code config.*}) and builds tool instances from validated ones.
 */
public final class ToolTypes {

    /** The name rule of {@link ToolSpec}, checked here so a definition fails on write rather than on first use. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private final Map<String, ToolType<?>> types = new LinkedHashMap<>();

    public ToolTypes(List<? extends ToolType<?>> types) {
        for (ToolType<?> type : types) {
            if (this.types.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("Two tool types are named " + type.name());
            }
        }
    }

    /** The type names an admin may use. */
    public Set<String> names() {
        return Set.copyOf(types.keySet());
    }

    /** The configuration fields of a type that hold secrets (empty for an unknown type). */
    public Set<String> secretFields(String type) {
        ToolType<?> found = types.get(type);
        return found == null ? Set.of() : found.secretFields();
    }

    /** Adds every problem of the definition to {@code errors}. */
    public void validate(ToolDefinition definition, FieldErrors errors) {
        parse(definition, errors);
    }

    /**
     * Adds every problem of a definition still being written to {@code errors}: a missing name or type is the
     * caller's to report as required, so only what is given is checked here (no configuration without a type).
     */
    public void validate(String name, String type, JsonNode config, FieldErrors errors) {
        if (name != null) {
            checkName(name, errors);
        }
        if (type != null) {
            parseConfig(type, config, errors);
        }
    }

    /**
     * A new tool for a definition; the caller owns it and closes it. Throws
     * {@link ai.switchboard.registry.admin.RegistryValidationException} if the definition is invalid.
     */
    public Tool create(ToolDefinition definition) {
        FieldErrors errors = new FieldErrors();
        Parsed<?> parsed = parse(definition, errors);
        errors.throwIfAny();
        return parsed.create(definition);
    }

    private Parsed<?> parse(ToolDefinition definition, FieldErrors errors) {
        checkName(definition.name(), errors);
        return parseConfig(definition.type(), definition.config(), errors);
    }

    private static void checkName(String name, FieldErrors errors) {
        if (!NAME.matcher(name).matches()) {
            errors.add("name", "must be 1 to 64 letters, digits, _ or - (the rule every model provider applies)");
        }
    }

    private Parsed<?> parseConfig(String typeName, JsonNode config, FieldErrors errors) {
        ToolType<?> type = types.get(typeName);
        if (type == null) {
            errors.add("type", "must be one of " + types.keySet());
            return null;
        }
        return parse(type, config, errors);
    }

    private static <C> Parsed<C> parse(ToolType<C> type, JsonNode json, FieldErrors errors) {
        C config = ToolConfigs.bind(json, type.configType(), errors);
        return config == null ? null : new Parsed<>(type, config);
    }

    private record Parsed<C>(ToolType<C> type, C config) {

        Tool create(ToolDefinition definition) {
            return type.create(definition.name(), definition.description(), config);
        }
    }
}
