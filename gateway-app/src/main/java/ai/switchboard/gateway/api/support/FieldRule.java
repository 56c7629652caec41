package ai.switchboard.gateway.api.support;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A check of one JSON value against the type and range OpenAI documents for it. Rules see the value exactly as the
 * client sent it (a JSON {@code null} included: for a rule, null is a wrong type; whether a field may be null at all
 * is the business of {@link KnownFields}). A broken rule throws a 400 naming {@code param}.
 */
@FunctionalInterface
public interface FieldRule {

    void check(JsonNode value, String param);

    static FieldRule string() {
        return (value, param) -> {
            if (!value.isString()) {
                throw ParamErrors.type(param, JsonTypes.STRING, value);
            }
        };
    }

    static FieldRule nonEmptyString() {
        return (value, param) -> {
            string().check(value, param);
            if (value.asString().isEmpty()) {
                throw ParamErrors.empty(param, "string");
            }
        };
    }

    static FieldRule bool() {
        return (value, param) -> {
            if (!value.isBoolean()) {
                throw ParamErrors.type(param, JsonTypes.BOOLEAN, value);
            }
        };
    }

    /** A JSON integer ({@code 2}, never {@code 2.0} or {@code "2"}) between {@code min} and {@code max}. */
    static FieldRule integer(long min, long max) {
        return (value, param) -> {
            if (!value.isIntegralNumber()) {
                throw ParamErrors.type(param, JsonTypes.INTEGER, value);
            }
            if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
                throw ParamErrors.range(param, min, max);
            }
        };
    }

    /** A finite JSON number between {@code min} and {@code max}. */
    static FieldRule number(double min, double max) {
        return (value, param) -> {
            if (!value.isNumber()) {
                throw ParamErrors.type(param, JsonTypes.NUMBER, value);
            }
            double number = value.doubleValue();
            if (!(number >= min && number <= max)) {
                throw ParamErrors.range(param, min, max);
            }
        };
    }

    /** A string out of a closed set. */
    static FieldRule oneOf(String... values) {
        List<String> supported = List.of(values);
        return (value, param) -> {
            string().check(value, param);
            if (!supported.contains(value.asString())) {
                throw ParamErrors.notOneOf(param, value.asString(), supported);
            }
        };
    }

    static FieldRule object() {
        return (value, param) -> {
            if (!value.isObject()) {
                throw ParamErrors.type(param, JsonTypes.OBJECT, value);
            }
        };
    }

    /**
     * An object whose named members follow their rules, the {@code required} ones present and not {@code null};
     * other members pass unchecked.
     */
    static FieldRule object(Map<String, FieldRule> members, String... required) {
        KnownFields fields = new KnownFields(members);
        List<String> requiredMembers = List.of(required);
        return (value, param) -> {
            object().check(value, param);
            for (String name : requiredMembers) {
                JsonNode member = value.get(name);
                if (member == null) {
                    throw ParamErrors.missing(param + "." + name);
                }
                if (member.isNull()) {
                    members.get(name).check(member, param + "." + name);
                }
            }
            fields.check(value, param + ".");
        };
    }

    /** An array of at most {@code maxItems} items, each following {@code item}. */
    static FieldRule arrayOf(FieldRule item, int maxItems) {
        return (value, param) -> {
            if (!value.isArray()) {
                throw ParamErrors.type(param, JsonTypes.ARRAY, value);
            }
            if (value.size() > maxItems) {
                throw ParamErrors.tooLong(param, "items", maxItems, value.size());
            }
            for (int i = 0; i < value.size(); i++) {
                item.check(value.get(i), param + "[" + i + "]");
            }
        };
    }

    /** An object used as a map: at most {@code maxEntries} members, each value following {@code entry}. */
    static FieldRule mapOf(FieldRule entry, int maxEntries) {
        return (value, param) -> {
            object().check(value, param);
            if (value.size() > maxEntries) {
                throw ParamErrors.tooLong(param, "entries", maxEntries, value.size());
            }
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                entry.check(member.getValue(), param + "." + member.getKey());
            }
        };
    }

    /** A string no longer than {@code maxLength} characters. */
    static FieldRule string(int maxLength) {
        return (value, param) -> {
            string().check(value, param);
            if (value.asString().length() > maxLength) {
                throw ParamErrors.tooLong(param, "characters", maxLength, value.asString().length());
            }
        };
    }

    /** A string following {@code string}, or an array or object following {@code other}. */
    static FieldRule stringOr(FieldRule string, FieldRule other, String expected) {
        return (value, param) -> {
            if (value.isString()) {
                string.check(value, param);
            } else if (value.isArray() || value.isObject()) {
                other.check(value, param);
            } else {
                throw ParamErrors.type(param, expected, value);
            }
        };
    }
}
