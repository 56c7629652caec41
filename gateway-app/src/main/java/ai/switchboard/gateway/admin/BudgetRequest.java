package ai.switchboard.gateway.admin;

import ai.switchboard.registry.budget.BudgetCommand;
import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST} and {@code PATCH /admin/v1/budgets}; {@code scope} is a name or an id. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BudgetRequest(
        String name,
        String scopeType,
        String scope,
        String period,
        BigDecimal limitUsd,
        Integer softThresholdPercent,
        Boolean enabled) {

    /** @param clear the optional fields the PATCH sent as {@code null} */
    BudgetCommand toCommand(Set<String> clear) {
        return new BudgetCommand(name, scopeType, scope, period, limitUsd, softThresholdPercent, enabled, clear);
    }
}
