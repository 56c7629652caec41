package ai.switchboard.gateway.budget;

import ai.switchboard.registry.BudgetPeriod;
import ai.switchboard.registry.budget.BudgetAdminService;
import ai.switchboard.registry.budget.BudgetView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A budget's definition with where its current period stands, for {@code GET /admin/v1/budgets}. Blocking. */
public final class BudgetStatuses {

    private final JdbcBudgetLedger ledger;
    private final BudgetAccounts accounts;
    private final Clock clock;

    BudgetStatuses(JdbcBudgetLedger ledger, BudgetAccounts accounts, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The status of each budget, in the order given. */
    public List<BudgetStatus> of(List<BudgetView> budgets) {
        Instant now = clock.instant();
        Map<UUID, Instant> starts = new HashMap<>();
        for (BudgetView budget : budgets) {
            starts.put(budget.id(), BudgetPeriod.fromWire(budget.period()).start(now));
        }
        Map<UUID, JdbcBudgetLedger.PeriodUsage> usage = ledger.usage(starts);
        return budgets.stream().map(budget -> {
            Instant start = starts.get(budget.id());
            JdbcBudgetLedger.PeriodUsage period = usage.get(budget.id());
            BigDecimal unwritten = accounts.unwrittenSpent(budget.id(), start);
            BigDecimal spent = (period == null ? BigDecimal.ZERO : period.spent()).add(unwritten);
            // What replicas hold on lease, less what this one has spent from it but not written yet.
            BigDecimal reserved = (period == null ? BigDecimal.ZERO : period.leased()).subtract(unwritten)
                    .max(BigDecimal.ZERO);
            BigDecimal remaining = budget.limitUsd().subtract(spent).subtract(reserved).max(BigDecimal.ZERO);
            return new BudgetStatus(budget.id(), budget.name(), budget.scopeType(), budget.scope(), budget.scopeId(),
                    budget.period(), budget.limitUsd(), budget.softThresholdPercent(), budget.enabled(),
                    strip(spent), strip(reserved), strip(remaining), start,
                    BudgetPeriod.fromWire(budget.period()).end(start), budget.createdAt(), budget.updatedAt());
        }).toList();
    }

    private static BigDecimal strip(BigDecimal usd) {
        return usd.signum() == 0 ? BigDecimal.ZERO : BudgetAdminService.plain(usd);
    }
}
