package ai.switchboard.gateway.admin;

import ai.switchboard.observability.feedback.FeedbackSummary;
import ai.switchboard.observability.feedback.FeedbackTotals;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code GET /admin/v1/feedback}: totals per model and route, and over all of them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record FeedbackSummaryResponse(List<Totals> groups, Totals total) {

    static FeedbackSummaryResponse of(FeedbackSummary summary) {
        return new FeedbackSummaryResponse(summary.groups().stream().map(Totals::of).toList(),
                Totals.of(summary.total()));
    }

    /** One group's (or the overall) count, scored count, average score and count per label. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Totals(String model, String route, long count, long scored, Double averageScore,
            Map<String, Long> labels) {

        static Totals of(FeedbackTotals totals) {
            return new Totals(totals.model(), totals.route(), totals.count(), totals.scored(), totals.averageScore(),
                    totals.labels());
        }
    }
}
