package ai.switchboard.routing.policy;

import ai.switchboard.registry.admin.FieldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/** Reads policy configuration, reporting every problem under {@code config.<path>} instead of failing on the first. */
final class ConfigReader {

    private final FieldErrors errors;

    ConfigReader(FieldErrors errors) {
        this.errors = errors;
    }

    FieldErrors errors() {
        return errors;
    }

    void error(String path, String message) {
        errors.add("config." + path, message);
    }

    /** A required non-blank string. */
    String name(JsonNode node, String path) {
        if (node == null || !node.isString() || node.asString().isBlank()) {
            error(path, "must be a model or route name");
            return null;
        }
        return node.asString();
    }

    String optionalString(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            error(path, "must be a string");
            return null;
        }
        return node.asString();
    }

    /** A non-empty array of names. */
    List<String> names(JsonNode node, String path) {
        List<String> names = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            error(path, "must be a non-empty array of model or route names");
            return names;
        }
        for (int i = 0; i < node.size(); i++) {
            String name = name(node.get(i), path + "[" + i + "]");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** An optional array of strings (empty when absent). */
    List<String> strings(JsonNode node, String path) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            error(path, "must be an array of strings");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isString()) {
                values.add(node.get(i).asString());
            } else {
                error(path + "[" + i + "]", "must be a string");
            }
        }
        return values;
    }

    Pattern regex(JsonNode node, String path) {
        String text = optionalString(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            error(path, "is not a valid regular expression");
            return null;
        }
    }

    Double number(JsonNode node, String path, double min, double max) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        // A NaN or an out-of-range double fails both comparisons' negation, so check the range inclusively.
        if (!node.isNumber() || !(node.asDouble() >= min && node.asDouble() <= max)) {
            error(path, "must be a number from " + min + " to " + max);
            return null;
        }
        return node.asDouble();
    }

    Integer integer(JsonNode node, String path, int min) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min) {
            error(path, "must be an integer from " + min + " to " + Integer.MAX_VALUE);
            return null;
        }
        return node.asInt();
    }

    /** Refuses top-level configuration keys the policy does not read: a typo must not silently mean a default. */
    void knownKeys(JsonNode config, Set<String> keys) {
        for (String key : config.propertyNames()) {
            if (!keys.contains(key)) {
                error(key, "unknown field; this policy reads " + new TreeSet<>(keys));
            }
        }
    }

    Boolean bool(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            error(path, "must be true or false");
            return null;
        }
        return node.asBoolean();
    }
}
