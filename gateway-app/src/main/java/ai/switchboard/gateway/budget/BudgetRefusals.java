package ai.switchboard.gateway.budget;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.registry.BudgetConfig;
import java.math.BigDecimal;
import java.time.Instant;

/** The errors a budget refuses with, in OpenAI's shape. */
final class BudgetRefusals {

    private BudgetRefusals() {
    }

    /** 429 {@code insufficient_quota}: which budget, its limit and period, and when it resets. */
    static ApiException exhausted(BudgetConfig budget, Instant periodEnd) {
        String resets = periodEnd == null ? "it is a total budget and does not reset; an admin can raise its limit"
                : "it resets at " + periodEnd;
        return new ApiException(429, "insufficient_quota", "Budget '" + budget.name() + "' ("
                + budget.scope().wireName() + " '" + budget.scopeName() + "', $" + plain(budget.limitUsd()) + " "
                + budget.period().wireName() + ") has not enough left for this request; " + resets + ".", null,
                "insufficient_quota");
    }

    /** 503: the database cannot be reached and this replica's share of the budget is spent. */
    static ApiException unavailable(BudgetConfig budget) {
        return new ApiException(503, "server_error", "Budgets cannot be checked right now: the budget store is "
                + "unreachable and this gateway's share of budget '" + budget.name() + "' is used up. Retry later.",
                null, "budget_unavailable");
    }

    private static String plain(BigDecimal usd) {
        return usd.stripTrailingZeros().scale() < 2 ? usd.setScale(2).toPlainString()
                : usd.stripTrailingZeros().toPlainString();
    }
}
