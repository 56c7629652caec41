package ai.switchboard.gateway.eval.grade;

import ai.switchboard.registry.admin.FieldErrors;
import tools.jackson.databind.JsonNode;

/** A grader that needs nothing but the answer and the case's expectation. */
public non-sealed interface LocalGrader extends Grader {

    /** Reports under {@code field} why {@code expected} cannot be graded this way (a case is checked on import). */
    void checkExpected(FieldErrors errors, String field, JsonNode expected);

    Grade grade(String answer, JsonNode expected);
}
