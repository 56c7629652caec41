package ai.switchboard.observability.usage;

import java.time.Instant;
import java.util.List;

/** Usage in {@code [from, to)} totalled per group, with the total over every group. */
public record UsageReport(Instant from, Instant to, UsageGroupBy groupBy, List<UsageTotals> groups, UsageTotals total) {

    public UsageReport {
        groups = List.copyOf(groups);
    }
}
