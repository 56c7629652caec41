package ai.switchboard.gateway.admin;

import ai.switchboard.observability.usage.UsageTotals;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One group of {@code GET /admin/v1/usage}; {@code group} is absent on the total, {@code label} when it adds nothing. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record UsageTotalsView(
        String group,
        String label,
        long requests,
        long inputTokens,
        long outputTokens,
        long cachedTokens,
        BigDecimal costUsd,
        long errors,
        double latencyP50Ms,
        double latencyP95Ms) {

    static UsageTotalsView of(UsageTotals totals) {
        return new UsageTotalsView(totals.group(), totals.label(), totals.requests(), totals.inputTokens(),
                totals.outputTokens(), totals.cachedTokens(), totals.costUsd(), totals.errors(),
                totals.latencyP50Millis(), totals.latencyP95Millis());
    }
}
