package ai.switchboard.tools;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StrictBinding;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a tool's JSON configuration to its record. Strict where an admin's typo would silently weaken a guard: an
 * unknown field, a string where a number belongs or a missing primitive is an error, not a default.
 */
public final class ToolConfigs {

    /** The admin API's strict binding (no {@code 5} for a string, no {@code "5"} for a number), in snake_case. */
    private static final JsonMapper MAPPER = StrictBinding.configure(JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
            .build();

    private ToolConfigs() {
    }

    /**
     * The configuration record, or {@code null} with the problems added to {@code errors} under {@code config.*}.
     * Records report their own rule violations as a {@link RegistryValidationException} (fields already named
     * {@code config.*}) or, for a single value, an {@link IllegalArgumentException} whose message is safe to show.
     */
    public static <C> C bind(JsonNode config, Class<C> type, FieldErrors errors) {
        if (config == null || !config.isObject()) {
            errors.add("config", "must be a JSON object");
            return null;
        }
        try {
            return MAPPER.treeToValue(config, type);
        } catch (RegistryValidationException invalid) {
            invalid.errors().forEach(error -> errors.add(error.field(), error.message()));
        } catch (JacksonException e) {
            report(e, errors);
        }
        return null;
    }

    /** An optional whole number: {@code fallback} when absent, else it must lie within {@code [min, max]}. */
    public static Integer intInRange(String field, Integer value, int fallback, int min, int max, FieldErrors errors) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            errors.add(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static void report(JacksonException e, FieldErrors errors) {
        Throwable cause = e.getCause();
        if (cause instanceof RegistryValidationException invalid) {
            invalid.errors().forEach(error -> errors.add(error.field(), error.message()));
        } else if (cause instanceof IllegalArgumentException bad && bad.getMessage() != null) {
            errors.add(field(e), bad.getMessage());
        } else if (e instanceof UnrecognizedPropertyException) {
            errors.add(field(e), "is not a known field");
        } else {
            errors.add(field(e), "has the wrong type or shape");
        }
    }

    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder("config");
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
