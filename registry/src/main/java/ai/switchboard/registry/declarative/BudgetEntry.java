package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A budget in the declarative file: {@code scope} names the key, team, model or route {@code scope_type} says.
 * Absent fields keep their value.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetEntry(
        String name,
        String scopeType,
        String scope,
        String period,
        BigDecimal limitUsd,
        Integer softThresholdPercent,
        Boolean enabled) {

    static final Set<String> FIELDS = Set.of("name", "scope_type", "scope", "period", "limit_usd",
            "soft_threshold_percent", "enabled");
}
