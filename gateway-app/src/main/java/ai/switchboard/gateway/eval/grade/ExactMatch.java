package ai.switchboard.gateway.eval.grade;

import ai.switchboard.registry.admin.FieldErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The answer equals the expected text; surrounding whitespace never counts, letter case only when asked. */
record ExactMatch(boolean ignoreCase) implements LocalGrader {

    @Override
    public JsonNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", Graders.EXACT).put("ignore_case", ignoreCase);
    }

    @Override
    public void checkExpected(FieldErrors errors, String field, JsonNode expected) {
        Graders.requireScalar(errors, field, expected);
    }

    @Override
    public Grade grade(String answer, JsonNode expected) {
        String want = Graders.text(expected).strip();
        String got = answer.strip();
        boolean same = ignoreCase ? got.equalsIgnoreCase(want) : got.equals(want);
        return same ? Grade.pass() : Grade.fail("the answer is not exactly the expected text");
    }
}
