package ai.switchboard.gateway.budget;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.BudgetConfig;
import ai.switchboard.registry.RegistrySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The enabled budgets of one snapshot, by what they watch; built once per snapshot. */
final class BudgetIndex {

    static final BudgetIndex EMPTY = new BudgetIndex(RegistrySnapshot.empty());

    final RegistrySnapshot snapshot;
    private final Map<UUID, List<BudgetConfig>> byScopeId = new HashMap<>();
    private final Map<String, List<BudgetConfig>> byModel = new HashMap<>();
    private final Map<String, List<BudgetConfig>> byRoute = new HashMap<>();
    private final Map<UUID, BudgetConfig> byId = new HashMap<>();

    BudgetIndex(RegistrySnapshot snapshot) {
        this.snapshot = snapshot;
        for (BudgetConfig budget : snapshot.budgets()) {
            if (!budget.enabled()) {
                continue;
            }
            byId.put(budget.id(), budget);
            switch (budget.scope()) {
                case KEY, TEAM -> byScopeId.computeIfAbsent(budget.scopeId(), id -> new ArrayList<>()).add(budget);
                case MODEL -> byModel.computeIfAbsent(budget.scopeName(), n -> new ArrayList<>()).add(budget);
                case ROUTE -> byRoute.computeIfAbsent(budget.scopeName(), n -> new ArrayList<>()).add(budget);
            }
        }
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The enabled budget with this id, or {@code null}. */
    BudgetConfig budget(UUID id) {
        return byId.get(id);
    }

    /**
     * The budgets a request counts against: its key's, its key's team's, its route's (when it names one) and those of
     * every model it may be served by.
     */
    List<BudgetConfig> applicable(ApiKeyRecord key, String route, Set<String> models) {
        List<BudgetConfig> budgets = new ArrayList<>(2);
        budgets.addAll(byScopeId.getOrDefault(key.id(), List.of()));
        if (key.teamId() != null) {
            budgets.addAll(byScopeId.getOrDefault(key.teamId(), List.of()));
        }
        if (route != null) {
            budgets.addAll(byRoute.getOrDefault(route, List.of()));
        }
        if (!byModel.isEmpty()) {
            for (String model : models) {
                budgets.addAll(byModel.getOrDefault(model, List.of()));
            }
        }
        return budgets;
    }

    /** Whether any budget watches this key, its team, or any model or route at all (cheap pre-check). */
    boolean mayApply(ApiKeyRecord key) {
        return !byModel.isEmpty() || !byRoute.isEmpty() || byScopeId.containsKey(key.id())
                || (key.teamId() != null && byScopeId.containsKey(key.teamId()));
    }
}
