package ai.switchboard.registry.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A budget's definition as the admin API shows it; {@code scope} is the name of what it watches. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BudgetView(
        UUID id,
        String name,
        String scopeType,
        String scope,
        UUID scopeId,
        String period,
        BigDecimal limitUsd,
        Integer softThresholdPercent,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {
}
