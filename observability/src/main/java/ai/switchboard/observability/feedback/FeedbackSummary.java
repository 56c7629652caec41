package ai.switchboard.observability.feedback;

import java.util.List;

/** Totals per model and route (most feedback first), and over all of them. */
public record FeedbackSummary(List<FeedbackTotals> groups, FeedbackTotals total) {
}
