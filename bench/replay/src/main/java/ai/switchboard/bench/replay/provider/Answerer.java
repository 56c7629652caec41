package ai.switchboard.bench.replay.provider;

import ai.switchboard.bench.replay.record.ModelAnswer;
import java.util.OptionalInt;

/**
 * Finds what a recorded model answered: a judge model's recorded score of the answer the request quotes, or any
 * other model's recorded answer to the last user message. Token counts come from the recording where it has them,
 * else from {@link TokenCounter} over what was actually sent and answered.
 */
final class Answerer {

    private final ReplayBook book;
    private final JudgeBook judges;

    Answerer(ReplayBook book, JudgeBook judges) {
        this.book = book;
        this.judges = judges;
    }

    /** The answer, or {@code null} when nothing was recorded for this model and prompt. */
    ReplayAnswer answer(ChatCall call) {
        if (judges.judgeModels().contains(call.model())) {
            OptionalInt score = judges.score(call.model(), call.lastUserText());
            if (score.isEmpty()) {
                return null;
            }
            // The gateway asks for the number only; the recorded judge wrote an explanation around the same score.
            String verdict = Integer.toString(score.getAsInt());
            return new ReplayAnswer(verdict, TokenCounter.prompt(call.messageTexts()), TokenCounter.count(verdict));
        }
        ModelAnswer recorded = book.find(call.model(), call.lastUserText());
        if (recorded == null) {
            return null;
        }
        ReplayUsage usage = ReplayUsage.of(recorded, call.messageTexts());
        return new ReplayAnswer(recorded.text(), usage.promptTokens(), usage.completionTokens());
    }
}
