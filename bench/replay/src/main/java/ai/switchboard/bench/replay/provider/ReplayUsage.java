package ai.switchboard.bench.replay.provider;

import ai.switchboard.bench.replay.record.ModelAnswer;
import java.util.List;

/**
 * The tokens a replayed call is billed: the recording's counts where it has them, else {@link TokenCounter}'s count
 * of the messages sent and of the answer.
 *
 * @param promptTokens billed prompt tokens
 * @param completionTokens billed completion tokens
 */
public record ReplayUsage(int promptTokens, int completionTokens) {

    public static ReplayUsage of(ModelAnswer answer, List<String> messageTexts) {
        return new ReplayUsage(
                answer.promptTokens() != null ? answer.promptTokens() : TokenCounter.prompt(messageTexts),
                answer.completionTokens() != null ? answer.completionTokens() : TokenCounter.count(answer.text()));
    }
}
