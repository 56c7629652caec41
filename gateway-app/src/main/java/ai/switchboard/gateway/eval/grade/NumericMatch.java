package ai.switchboard.gateway.eval.grade;

import ai.switchboard.registry.admin.FieldErrors;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The last number in the answer equals the expected number, within {@code tolerance}: a maths answer reasons first
 * and ends on its result, so the last number is the answer's. Thousands separators ({@code 1,234}) are read as one
 * number.
 */
record NumericMatch(BigDecimal tolerance) implements LocalGrader {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?");

    @Override
    public JsonNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", Graders.NUMERIC).put("tolerance", tolerance);
    }

    @Override
    public void checkExpected(FieldErrors errors, String field, JsonNode expected) {
        if (expected == null || number(expected) == null) {
            errors.add(field, "must be a number (or a text holding one) for the numeric grader");
        }
    }

    @Override
    public Grade grade(String answer, JsonNode expected) {
        BigDecimal last = lastNumber(answer);
        if (last == null) {
            return Grade.fail("the answer holds no number");
        }
        BigDecimal want = number(expected);
        return last.subtract(want).abs().compareTo(tolerance) <= 0 ? Grade.pass()
                : Grade.fail("the last number is " + last.toPlainString() + ", expected " + want.toPlainString());
    }

    static BigDecimal lastNumber(String text) {
        Matcher matcher = NUMBER.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return last == null ? null : new BigDecimal(last.replace(",", ""));
    }

    private static BigDecimal number(JsonNode expected) {
        if (expected.isNumber()) {
            return expected.decimalValue();
        }
        if (!expected.isString()) {
            return null;
        }
        try {
            return new BigDecimal(expected.asString().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
