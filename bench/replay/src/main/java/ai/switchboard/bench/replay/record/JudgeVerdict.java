package ai.switchboard.bench.replay.record;

import java.util.Objects;

/**
 * A recorded judge's score of one answer to one question, as MT-Bench's GPT-4 judge gave it.
 *
 * @param judgeModel the judge's recorded model name
 * @param question the question the answer replied to
 * @param answer the answer the judge read
 * @param score the judge's score, 1-10
 */
public record JudgeVerdict(String judgeModel, String question, String answer, int score) {

    public JudgeVerdict {
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("judge score must be in [0, 10], was " + score);
        }
    }
}
