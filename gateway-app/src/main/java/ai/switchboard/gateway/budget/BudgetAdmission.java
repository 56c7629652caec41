package ai.switchboard.gateway.budget;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.BudgetConfig;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the budget stage asks: which budgets a request counts against and its worst case (reserved before the call),
 * and what it really cost (settled after).
 */
public final class BudgetAdmission {

    private final BudgetAccounts accounts;
    private final WorstCaseCost worstCase;

    BudgetAdmission(BudgetAccounts accounts, WorstCaseCost worstCase) {
        this.accounts = accounts;
        this.worstCase = worstCase;
    }

    /**
     * Reserves a request's worst case from every budget it counts against.
     *
     * @param promptTokens counts the prompt; called only when a budget applies
     * @param onHold receives a hold taken after a wait the moment it is taken (see {@link BudgetAccounts})
     * @return {@code null} when no budget applies, a {@link BudgetHold}, or a {@code Mono} of one when a lease must be
     *     waited for; throws or signals the refusal ({@code ApiException}) when a budget has not enough left
     */
    public Object reserve(RegistrySnapshot snapshot, ApiKeyRecord key, Target target, LongSupplier promptTokens,
            Integer maxTokens, int choices, boolean output, Consumer<BudgetHold> onHold) {
        BudgetIndex index = accounts.index(snapshot);
        if (index.isEmpty() || !index.mayApply(key)) {
            return null;
        }
        String route = target instanceof Target.Route ? target.name() : null;
        Set<String> models = worstCase.reachableModelNames(snapshot, target);
        List<BudgetConfig> budgets = index.applicable(key, route, models);
        if (budgets.isEmpty()) {
            return null;
        }
        long amount = worstCase.nanos(snapshot, target, promptTokens.getAsLong(), maxTokens, choices, output);
        List<BudgetAccount> wanted = new ArrayList<>(budgets.size());
        for (BudgetConfig budget : budgets) {
            wanted.add(accounts.account(budget));
        }
        return accounts.reserve(wanted, amount, onHold);
    }

    /**
     * What the request cost a budget, in nano-dollars: all of it (the answer at its model's prices plus every call
     * the gateway consumed on the way: cascade steps, ensemble members, judges, classifiers) for a key, team or route
     * budget; for a model budget, all of it when that model served the answer, else nothing.
     *
     * @param extraCost what the consumed calls cost, or {@code null} when a price was unknown (counted as 0)
     */
    public static long cost(BudgetConfig budget, Deployment served, long input, long output, long cached,
            BigDecimal extraCost) {
        if (budget.scope() == ai.switchboard.registry.BudgetScope.MODEL
                && (served == null || !served.modelName().equals(budget.scopeName()))) {
            return 0;
        }
        BigDecimal total = extraCost == null ? BigDecimal.ZERO : extraCost;
        if (served != null) {
            ModelConfig model = served.model();
            BigDecimal answered = ai.switchboard.observability.usage.ModelPrice
                    .of(model.inputPricePerMtok(), model.outputPricePerMtok()).cost(input, output, cached);
            total = answered == null ? total : total.add(answered);
        }
        return Nanos.ofUsd(total);
    }
}
