package ai.switchboard.registry.route;

import ai.switchboard.registry.admin.FieldErrors;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a route's own fields must be, before its policy checks its configuration. */
final class RouteRules {

    static final int MAX_DESCRIPTION_LENGTH = 512;
    static final int MAX_TIMEOUT_MS = 3_600_000;
    static final int MAX_FALLBACKS = 32;
    /** The longest configuration, as JSON text: routes are read on every snapshot rebuild. */
    static final int MAX_CONFIG_CHARS = 65_536;

    /** Beyond a double's 17 significant digits and ±308 exponent, a decimal only carries noise. */
    private static final int MAX_DECIMAL_SCALE = 340;

    private static final JsonMapper JSON = JsonMapper.shared();

    private RouteRules() {
    }

    static void check(FieldErrors errors, String name, String description, List<String> fallbacks,
            Integer requestTimeoutMs, Integer attemptTimeoutMs, Integer firstTokenTimeoutMs) {
        errors.name("name", name)
                .text("description", description, MAX_DESCRIPTION_LENGTH)
                .range("request_timeout_ms", requestTimeoutMs, 1, MAX_TIMEOUT_MS)
                .range("attempt_timeout_ms", attemptTimeoutMs, 1, MAX_TIMEOUT_MS)
                .range("first_token_timeout_ms", firstTokenTimeoutMs, 1, MAX_TIMEOUT_MS)
                .maxItems("fallbacks", fallbacks, MAX_FALLBACKS);
        if (fallbacks != null) {
            for (int i = 0; i < fallbacks.size() && i < MAX_FALLBACKS; i++) {
                if (fallbacks.get(i) == null) {
                    errors.add("fallbacks[" + i + "]", "must be a model or route name");
                } else {
                    errors.name("fallbacks[" + i + "]", fallbacks.get(i));
                }
            }
        }
    }

    /**
     * The configuration as stored: a JSON object of bounded size whose numbers a double holds (policies read them as
     * doubles, and an infinite one cannot be stored as JSON at all). Returns it as a map, or null when it cannot be
     * stored.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> config(FieldErrors errors, JsonNode config) {
        if (config == null || !config.isObject()) {
            errors.add("config", "must be a JSON object");
            return null;
        }
        String unstorable = unstorableNumber(config, "config");
        if (unstorable != null) {
            errors.add(unstorable, "must be a number a double can hold");
            return null;
        }
        if (JSON.writeValueAsString(config).length() > MAX_CONFIG_CHARS) {
            errors.add("config", "must be at most " + MAX_CONFIG_CHARS + " characters as JSON");
            return null;
        }
        return JSON.convertValue(config, Map.class);
    }

    /** The path of a number too large (or with too many decimals) for a double, which policies read. */
    private static String unstorableNumber(JsonNode node, String path) {
        if (node.isFloatingPointNumber() && (!Double.isFinite(node.decimalValue().doubleValue())
                || Math.abs(node.decimalValue().scale()) > MAX_DECIMAL_SCALE)) {
            return path;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = unstorableNumber(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String found = unstorableNumber(node.get(name), path + "." + name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
