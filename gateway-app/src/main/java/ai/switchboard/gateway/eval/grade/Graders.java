package ai.switchboard.gateway.eval.grade;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.tools.invoke.ArgumentSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a grader spec ({@code {"type": ..., options}}) as the dataset API takes it. Parsing is where every mistake is
 * caught (an unknown type or option, a bad pattern, a schema that is not one, a judge the registry does not know), so
 * an evaluation never starts with a grader that cannot grade.
 */
public final class Graders {

    static final String EXACT = "exact_match";
    static final String REGEX = "regex";
    static final String JSON_SCHEMA = "json_schema";
    static final String NUMERIC = "numeric_match";
    static final String CONTAINS = "contains";
    static final String NOT_CONTAINS = "not_contains";
    static final String JUDGE = "llm_judge";

    static final int MAX_RUBRIC = 8_192;
    static final int MAX_VALUE = 4_096;

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            EXACT, Set.of("ignore_case"),
            REGEX, Set.of("pattern"),
            JSON_SCHEMA, Set.of("schema"),
            NUMERIC, Set.of("tolerance"),
            CONTAINS, Set.of("value", "ignore_case"),
            NOT_CONTAINS, Set.of("value", "ignore_case"),
            JUDGE, Set.of("model", "rubric", "pass_score"));

    /** The grader types, sorted, as error messages list them. */
    public static final List<String> TYPES = OPTIONS.keySet().stream().sorted().toList();

    private Graders() {
    }

    /**
     * The grader {@code spec} describes, or {@code null} with the problems reported under {@code field}.
     *
     * @param knownTarget whether a model or route name exists, for a judge
     */
    public static Grader parse(FieldErrors errors, String field, JsonNode spec, Predicate<String> knownTarget) {
        FieldErrors own = new FieldErrors();
        Grader grader = parseInto(own, field, spec, knownTarget);
        errors.addAll(own);
        return own.isEmpty() ? grader : null;
    }

    private static Grader parseInto(FieldErrors errors, String field, JsonNode spec, Predicate<String> knownTarget) {
        if (spec == null || !spec.isObject()) {
            errors.add(field, "must be an object with a \"type\", one of " + TYPES);
            return null;
        }
        JsonNode type = spec.get("type");
        if (type == null || !type.isString() || !OPTIONS.containsKey(type.asString())) {
            errors.add(field + ".type", "must be one of " + TYPES);
            return null;
        }
        Set<String> allowed = OPTIONS.get(type.asString());
        for (String option : spec.propertyNames()) {
            if (!option.equals("type") && !allowed.contains(option)) {
                errors.add(field + "." + option, "is not an option of " + type.asString() + " (options: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return switch (type.asString()) {
            case EXACT -> flag(errors, field, spec, "ignore_case") == null ? null
                    : new ExactMatch(flag(errors, field, spec, "ignore_case"));
            case CONTAINS, NOT_CONTAINS -> contains(errors, field, spec, type.asString().equals(NOT_CONTAINS));
            case REGEX -> regex(errors, field, spec);
            case JSON_SCHEMA -> schema(errors, field, spec);
            case NUMERIC -> numeric(errors, field, spec);
            default -> judge(errors, field, spec, knownTarget);
        };
    }

    private static Boolean flag(FieldErrors errors, String field, JsonNode spec, String name) {
        JsonNode value = spec.get(name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(field + "." + name, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    private static Grader contains(FieldErrors errors, String field, JsonNode spec, boolean negated) {
        Boolean ignoreCase = flag(errors, field, spec, "ignore_case");
        JsonNode value = spec.get("value");
        if (value != null && (!value.isString() || value.asString().isEmpty()
                || value.asString().length() > MAX_VALUE)) {
            errors.add(field + ".value", "must be a text of 1 to " + MAX_VALUE + " characters");
            return null;
        }
        return ignoreCase == null ? null : new ContainsMatch(negated, value == null ? null : value.asString(),
                ignoreCase);
    }

    private static Grader regex(FieldErrors errors, String field, JsonNode spec) {
        JsonNode pattern = spec.get("pattern");
        if (pattern == null) {
            return new RegexMatch(null);
        }
        if (!pattern.isString()) {
            errors.add(field + ".pattern", "must be a regular expression");
            return null;
        }
        Pattern compiled = RegexMatch.compile(errors, field + ".pattern", pattern.asString());
        return compiled == null ? null : new RegexMatch(compiled);
    }

    private static Grader schema(FieldErrors errors, String field, JsonNode spec) {
        JsonNode schema = spec.get("schema");
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            errors.add(field + ".schema", "must be a JSON Schema (an object)");
            return null;
        }
        try {
            return new JsonSchemaMatch(schema, ArgumentSchema.compile(schema));
        } catch (IllegalArgumentException e) {
            errors.add(field + ".schema", e.getMessage());
            return null;
        }
    }

    private static Grader numeric(FieldErrors errors, String field, JsonNode spec) {
        JsonNode tolerance = spec.get("tolerance");
        if (tolerance == null) {
            return new NumericMatch(BigDecimal.ZERO);
        }
        if (!tolerance.isNumber() || tolerance.decimalValue().signum() < 0) {
            errors.add(field + ".tolerance", "must be a number of 0 or more");
            return null;
        }
        return new NumericMatch(tolerance.decimalValue());
    }

    private static Grader judge(FieldErrors errors, String field, JsonNode spec, Predicate<String> knownTarget) {
        JsonNode model = spec.get("model");
        JsonNode rubric = spec.get("rubric");
        JsonNode pass = spec.get("pass_score");
        if (model == null || !model.isString()) {
            errors.add(field + ".model", "must name a model or route of the registry");
        } else if (!knownTarget.test(model.asString())) {
            errors.add(field + ".model", "no model or route named '" + model.asString() + "'");
        }
        if (rubric == null || !rubric.isString() || rubric.asString().isBlank()
                || rubric.asString().length() > MAX_RUBRIC) {
            errors.add(field + ".rubric", "must be a text of 1 to " + MAX_RUBRIC + " characters");
        }
        if (pass != null && (!pass.isIntegralNumber() || pass.asInt() < 1 || pass.asInt() > 10)) {
            errors.add(field + ".pass_score", "must be a whole number from 1 to 10");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new JudgeGrader(model.asString(), rubric.asString(),
                pass == null ? JudgeGrader.DEFAULT_PASS_SCORE : pass.asInt());
    }

    /** Text and number expectations compare as text; anything else is not a scalar. */
    static void requireScalar(FieldErrors errors, String field, JsonNode expected) {
        if (expected == null || !(expected.isString() || expected.isNumber() || expected.isBoolean())) {
            errors.add(field, "must be a text or a number for this grader");
        }
    }

    static String text(JsonNode expected) {
        return expected.isString() ? expected.asString() : expected.toString();
    }
}
