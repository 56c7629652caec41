package ai.switchboard.gateway.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A budget as {@code /admin/v1/budgets} shows it: its definition, and its current period's figures.
 *
 * @param spentUsd settled in the current period
 * @param reservedUsd held by replicas for requests in flight and for their next ones (unused leases come back)
 * @param remainingUsd what is neither spent nor reserved
 * @param resetsAt when the next period starts, or {@code null} for a total budget
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BudgetStatus(
        UUID id,
        String name,
        String scopeType,
        String scope,
        UUID scopeId,
        String period,
        BigDecimal limitUsd,
        Integer softThresholdPercent,
        boolean enabled,
        BigDecimal spentUsd,
        BigDecimal reservedUsd,
        BigDecimal remainingUsd,
        Instant periodStart,
        Instant resetsAt,
        Instant createdAt,
        Instant updatedAt) {
}
