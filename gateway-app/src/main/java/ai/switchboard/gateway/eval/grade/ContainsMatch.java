package ai.switchboard.gateway.eval.grade;

import ai.switchboard.registry.admin.FieldErrors;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer contains (or, negated, does not contain) a text: the grader's own {@code value} when set, so one grader
 * can hold a whole dataset to "never says X", else the case's expectation.
 */
record ContainsMatch(boolean negated, String value, boolean ignoreCase) implements LocalGrader {

    @Override
    public JsonNode spec() {
        ObjectNode spec = JsonNodeFactory.instance.objectNode()
                .put("type", negated ? Graders.NOT_CONTAINS : Graders.CONTAINS).put("ignore_case", ignoreCase);
        return value == null ? spec : spec.put("value", value);
    }

    @Override
    public void checkExpected(FieldErrors errors, String field, JsonNode expected) {
        if (value == null) {
            Graders.requireScalar(errors, field, expected);
        }
    }

    @Override
    public Grade grade(String answer, JsonNode expected) {
        String needle = value != null ? value : Graders.text(expected);
        boolean found = ignoreCase ? answer.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))
                : answer.contains(needle);
        if (found == negated) {
            return Grade.fail(negated ? "the answer contains what it must not" : "the answer lacks the expected text");
        }
        return Grade.pass();
    }
}
