package ai.switchboard.registry;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A budget as the request path sees it.
 *
 * @param name the budget's unique name, shown to a client it refuses
 * @param scopeId the id of the key, team, model or route it watches
 * @param scopeName the name of what it watches (keys, teams, models and routes by name, as the request path meets them)
 * @param limitUsd the most its scope may spend per period, in USD
 * @param softThresholdPercent the share of the limit past which an alert fires once per period, or {@code null}
 * @param updatedEpochMilli changes on every update
 */
public record BudgetConfig(
        UUID id,
        String name,
        BudgetScope scope,
        UUID scopeId,
        String scopeName,
        BudgetPeriod period,
        BigDecimal limitUsd,
        Integer softThresholdPercent,
        boolean enabled,
        long updatedEpochMilli) {

    public BudgetConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(limitUsd, "limitUsd");
    }
}
