package ai.switchboard.gateway.api.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Names JSON types the way OpenAI's error messages do ("expected an integer, but got a string instead"), so no message
 * ever shows the Java type a field happens to be bound to.
 */
public final class JsonTypes {

    public static final String STRING = "a string";
    public static final String INTEGER = "an integer";
    public static final String NUMBER = "a number";
    public static final String BOOLEAN = "a boolean";
    public static final String ARRAY = "an array";
    public static final String OBJECT = "an object";
    public static final String NULL = "null";

    private JsonTypes() {
    }

    /** The JSON type of a value as the client sent it. */
    public static String of(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING, BINARY -> STRING;
            case NUMBER -> value.isIntegralNumber() ? INTEGER : NUMBER;
            case BOOLEAN -> BOOLEAN;
            case ARRAY -> ARRAY;
            case OBJECT, POJO -> OBJECT;
            case NULL, MISSING -> NULL;
        };
    }

    /** The JSON type of the token a parser stopped at, or {@code null} when there is none. */
    static String of(JsonToken token) {
        if (token == null) {
            return null;
        }
        return switch (token) {
            case VALUE_STRING, PROPERTY_NAME -> STRING;
            case VALUE_NUMBER_INT -> INTEGER;
            case VALUE_NUMBER_FLOAT -> NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> BOOLEAN;
            case START_ARRAY, END_ARRAY -> ARRAY;
            case START_OBJECT, END_OBJECT -> OBJECT;
            case VALUE_NULL -> NULL;
            default -> null;
        };
    }

    /** The JSON type a Java binding target accepts; records and other classes are JSON objects. */
    static String expectedBy(Class<?> target) {
        if (target == null) {
            return null;
        }
        if (target == String.class || target == char.class || target == Character.class) {
            return STRING;
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == BigInteger.class) {
            return INTEGER;
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class
                || target == BigDecimal.class) {
            return NUMBER;
        }
        if (target == Boolean.class || target == boolean.class) {
            return BOOLEAN;
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return ARRAY;
        }
        if (ArrayNode.class.isAssignableFrom(target)) {
            return ARRAY;
        }
        if (JsonNode.class.isAssignableFrom(target) && !ObjectNode.class.isAssignableFrom(target)) {
            return null;
        }
        return Map.class.isAssignableFrom(target) || !target.isPrimitive() ? OBJECT : null;
    }
}
