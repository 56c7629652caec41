package ai.switchboard.gateway.api.support;

import tools.jackson.databind.JsonNode;

/** Checks of optional request fields: nothing to check when a field is absent or {@code null}. */
public final class OptionalFields {

    private OptionalFields() {
    }

    /** Applies {@code rule} to a raw JSON field the client set. */
    public static void check(JsonNode value, String param, FieldRule rule) {
        if (value != null && !value.isNull()) {
            rule.check(value, param);
        }
    }

    /** Refuses a typed number the client set outside {@code min} to {@code max}. */
    public static void range(Number value, double min, double max, String param) {
        if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
            throw ParamErrors.range(param, min, max);
        }
    }
}
