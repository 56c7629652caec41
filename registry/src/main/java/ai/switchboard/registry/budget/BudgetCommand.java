package ai.switchboard.registry.budget;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A budget to create, or the fields of one to change (absent fields keep their value).
 *
 * @param scopeType {@code key}, {@code team}, {@code model} or {@code route}
 * @param scope the name or id of the key, team, model or route
 * @param clear the optional fields a PATCH sent as {@code null}
 */
public record BudgetCommand(
        String name,
        String scopeType,
        String scope,
        String period,
        BigDecimal limitUsd,
        Integer softThresholdPercent,
        Boolean enabled,
        Set<String> clear) {

    public BudgetCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }
}
