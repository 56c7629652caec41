package ai.switchboard.gateway.eval.grade;

import tools.jackson.databind.JsonNode;

/**
 * Decides whether an answer to a case is right. Most graders decide locally ({@link LocalGrader}); the judge asks a
 * model ({@link JudgeGrader}), which the evaluation runs through the request pipeline like any other call.
 */
public sealed interface Grader permits LocalGrader, JudgeGrader {

    /** The grader as stored and shown: its spec with defaults filled in. */
    JsonNode spec();
}
