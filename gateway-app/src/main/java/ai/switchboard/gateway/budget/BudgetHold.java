package ai.switchboard.gateway.budget;

import ai.switchboard.registry.BudgetConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;

/**
 * What one request reserved: the same worst-case amount from each budget it counts against. Ends once: settled
 * with what the request really cost, or released whole.
 */
public final class BudgetHold {

    private final List<BudgetAccount> accounts;
    private final long amount;
    private final AtomicBoolean ended = new AtomicBoolean();

    BudgetHold(List<BudgetAccount> accounts, long amount) {
        this.accounts = accounts;
        this.amount = amount;
    }

    /** The reserved worst case, in nano-dollars. */
    public long amount() {
        return amount;
    }

    /** Settles each budget with its share of the real cost (nano-dollars) and gives the rest back. */
    public void settle(ToLongFunction<BudgetConfig> cost) {
        if (ended.compareAndSet(false, true)) {
            for (BudgetAccount account : accounts) {
                account.settle(amount, Math.max(0, cost.applyAsLong(account.budget)));
            }
        }
    }

    /** Gives the whole reservation back. */
    public void release() {
        settle(budget -> 0);
    }
}
