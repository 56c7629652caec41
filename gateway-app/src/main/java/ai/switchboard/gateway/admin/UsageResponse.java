package ai.switchboard.gateway.admin;

import ai.switchboard.observability.usage.UsageReport;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code GET /admin/v1/usage}: totals per group in {@code data}, and over every group in {@code total}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UsageResponse(Instant from, Instant to, String groupBy, List<UsageTotalsView> data, UsageTotalsView total) {

    static UsageResponse of(UsageReport report) {
        return new UsageResponse(report.from(), report.to(), report.groupBy().apiName(),
                report.groups().stream().map(UsageTotalsView::of).toList(), UsageTotalsView.of(report.total()));
    }
}
