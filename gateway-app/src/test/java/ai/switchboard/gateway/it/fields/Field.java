package ai.switchboard.gateway.it.fields;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One documented field of a request, at its place in a body ({@code messages[1].content[0].text}), with the values
 * that must be refused (and the parameter the 400 must name) and values that must be accepted. The factories derive
 * wrong types, out-of-range numbers, nulls, empties and oversize values from the field's kind; a table adds what is
 * special to the field. Values are raw JSON text, so numbers JSON allows but Java cannot hold (1e400, a thousand
 * digits) can be sent as they are.
 *
 * @param param where the value goes, and what a refusal names unless a value says otherwise
 * @param invalid values to refuse; a {@code null} json means the field is left out
 * @param valid values to accept
 * @param companions other fields set for every value of this field ({@code stream} for {@code stream_options})
 */
public record Field(String param, List<Refused> invalid, List<String> valid, Map<String, String> companions) {

    /** A value to refuse and the parameter the refusal names. */
    public record Refused(String json, String param) {
    }

    static final String OVERSIZE_STRING = "\"" + "x".repeat(100_000) + "\"";
    static final String TOO_MANY_DIGITS = "9".repeat(1_001);
    private static final List<String> NOT_STRINGS = List.of("5", "1.5", "true", "[]", "{}", "[\"x\"]");
    private static final List<String> NOT_NUMBERS = List.of("\"1\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
            "\"\"", "true", "[]", "[1]", "{}", "1e400", "-1e400", TOO_MANY_DIGITS);
    private static final List<String> NOT_BOOLEANS = List.of("1", "0", "\"true\"", "\"false\"", "\"\"", "[]", "[true]",
            "{}");
    private static final List<String> NOT_OBJECTS = List.of("5", "\"x\"", "\"\"", "true", "[]", "[{}]");
    private static final List<String> NOT_ARRAYS = List.of("5", "\"x\"", "\"\"", "true", "{}");

    public Field {
        invalid = List.copyOf(invalid);
        valid = List.copyOf(valid);
        companions = Map.copyOf(companions);
    }

    /** An optional field with no values yet: {@code null} is accepted, as OpenAI accepts it for optional fields. */
    public static Field at(String param) {
        return new Field(param, List.of(), List.of("null"), Map.of());
    }

    public static Field string(String param) {
        return at(param).invalid(NOT_STRINGS).valid("\"x\"");
    }

    public static Field oneOf(String param, String... values) {
        Field field = at(param).invalid(NOT_STRINGS).invalid("\"bogus\"", "\"\"", OVERSIZE_STRING);
        for (String value : values) {
            field = field.valid("\"" + value + "\"");
        }
        return field;
    }

    public static Field bool(String param) {
        return at(param).invalid(NOT_BOOLEANS).valid("true", "false");
    }

    public static Field object(String param) {
        return at(param).invalid(NOT_OBJECTS);
    }

    public static Field array(String param) {
        return at(param).invalid(NOT_ARRAYS);
    }

    /** A JSON integer from {@code min} to {@code max}: no decimals, no strings, nothing past either bound. */
    public static Field integer(String param, long min, long max) {
        BigInteger below = BigInteger.valueOf(min).subtract(BigInteger.ONE);
        BigInteger above = BigInteger.valueOf(max).add(BigInteger.ONE);
        return at(param).invalid(NOT_NUMBERS).invalid("1.5", "1.0", "2e0", below.toString(), above.toString(),
                "9223372036854775808", "-9223372036854775809", "99999999999999999999999")
                .valid(Long.toString(min), Long.toString(max));
    }

    /** A finite JSON number from {@code min} to {@code max}. */
    public static Field number(String param, double min, double max) {
        BigDecimal half = new BigDecimal("0.5");
        return at(param).invalid(NOT_NUMBERS)
                .invalid(BigDecimal.valueOf(min).subtract(half).toPlainString(),
                        BigDecimal.valueOf(max).add(half).toPlainString(), "1e308", "-1e308")
                .valid(BigDecimal.valueOf(min).toPlainString(), BigDecimal.valueOf(max).toPlainString(),
                        Long.toString((long) ((min + max) / 2)));
    }

    /** The field must be present and not {@code null}. */
    public Field required() {
        List<String> accepted = new ArrayList<>(valid);
        accepted.remove("null");
        return new Field(param, append(invalid, List.of(new Refused(null, param), new Refused("null", param))),
                accepted, companions);
    }

    /** The empty string is refused. */
    public Field nonEmpty() {
        return invalid("\"\"");
    }

    public Field invalid(String... json) {
        return invalid(List.of(json));
    }

    public Field invalid(List<String> json) {
        return new Field(param, append(invalid, json.stream().map(value -> new Refused(value, param)).toList()), valid,
                companions);
    }

    /** A value refused with an error naming another parameter, e.g. the array item at fault. */
    public Field invalidAt(String json, String refusedParam) {
        return new Field(param, append(invalid, List.of(new Refused(json, refusedParam))), valid, companions);
    }

    public Field valid(String... json) {
        return new Field(param, invalid, append(valid, List.of(json)), companions);
    }

    /** No value of this kind is accepted (the tables list what is). */
    public Field noValid() {
        return new Field(param, invalid, List.of(), companions);
    }

    public Field with(String otherParam, String json) {
        Map<String, String> all = new LinkedHashMap<>(companions);
        all.put(otherParam, json);
        return new Field(param, invalid, valid, all);
    }

    private static <T> List<T> append(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
