package ai.switchboard.registry.admin;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object as the registry stores it in a {@code jsonb} column (a route's policy configuration, a tool's
 * configuration, an agent's answer schema): of bounded size, and with numbers a double holds, since the stored map
 * reads decimals as doubles and an infinite one cannot be written back as JSON at all.
 */
public final class StorableJson {

    /** Beyond a double's 17 significant digits and ±308 exponent, a decimal only carries noise. */
    private static final int MAX_DECIMAL_SCALE = 340;

    private static final JsonMapper JSON = JsonMapper.shared();

    private StorableJson() {
    }

    /**
     * The object as a map to store, or null with the problem added to {@code errors} under {@code field} (or the
     * path of the number that cannot be stored).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(FieldErrors errors, String field, JsonNode value, int maxChars) {
        if (value == null || !value.isObject()) {
            errors.add(field, "must be a JSON object");
            return null;
        }
        String unstorable = unstorableNumber(value, field);
        if (unstorable != null) {
            errors.add(unstorable, "must be a number a double can hold");
            return null;
        }
        if (JSON.writeValueAsString(value).length() > maxChars) {
            errors.add(field, "must be at most " + maxChars + " characters as JSON");
            return null;
        }
        return JSON.convertValue(value, Map.class);
    }

    /**
     * JSON equality with numbers compared by value: a stored map may give back a long for an int, or 1.0 for 1, and a
     * write of what is stored must still count as no change.
     */
    public static boolean same(JsonNode a, JsonNode b) {
        return a.equals((x, y) -> {
            if (x.isNumber() && y.isNumber()) {
                return x.decimalValue().compareTo(y.decimalValue());
            }
            return x.equals(y) ? 0 : 1;
        }, b);
    }

    /** The path of a number too large (or with too many decimals) for a double. */
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
