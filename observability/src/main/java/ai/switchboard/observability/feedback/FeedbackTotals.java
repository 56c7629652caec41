package ai.switchboard.observability.feedback;

import java.util.Map;

/**
 * Feedback totals of one model and route (or of everything the filter covers, where both are null).
 *
 * @param count feedback entries
 * @param scored those with a score
 * @param averageScore the mean score, or null when none has one
 * @param labels entries per label, most frequent first
 */
public record FeedbackTotals(String model, String route, long count, long scored, Double averageScore,
        Map<String, Long> labels) {
}
