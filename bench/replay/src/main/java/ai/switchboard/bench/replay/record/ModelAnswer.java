package ai.switchboard.bench.replay.record;

import java.util.Objects;

/**
 * What one model answered to one prompt, and how that answer was graded when it was recorded.
 *
 * @param text the answer text as the model wrote it (or a synthesised stand-in where the recording has none; see
 *     {@link #synthesised})
 * @param score the recorded grade: 1 or 0 for right or wrong, a fraction for graded metrics, 1-10 for MT-Bench
 * @param promptTokens the prompt tokens the provider billed, or {@code null} when the recording has none
 * @param completionTokens the completion tokens the provider billed, or {@code null} when the recording has none
 * @param synthesised whether {@code text} was made up by the loader because the recording holds only the grade
 */
public record ModelAnswer(String text, double score, Integer promptTokens, Integer completionTokens,
        boolean synthesised) {

    public ModelAnswer {
        Objects.requireNonNull(text, "text");
        if (Double.isNaN(score) || score < 0) {
            throw new IllegalArgumentException("score must be a non-negative number, was " + score);
        }
        if ((promptTokens != null && promptTokens < 0) || (completionTokens != null && completionTokens < 0)) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** A recorded answer without token counts. */
    public static ModelAnswer of(String text, double score) {
        return new ModelAnswer(text, score, null, null, false);
    }
}
