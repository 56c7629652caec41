package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.budget.BudgetAdminService;
import ai.switchboard.registry.budget.BudgetCommand;
import ai.switchboard.registry.budget.BudgetRepository;
import ai.switchboard.registry.budget.BudgetView;
import ai.switchboard.registry.key.KeyGrantor;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code budgets:} — matched by name, last, so a budget may watch a key, team, model or route declared in the same
 * file. Only definitions travel in the file; what a budget has spent stays with the gateway.
 */
@Component
class BudgetSection implements DeclarativeSection {

    private final BudgetRepository budgets;
    private final BudgetAdminService service;

    BudgetSection(BudgetRepository budgets, BudgetAdminService service) {
        this.budgets = budgets;
        this.service = service;
    }

    @Override
    public String key() {
        return "budgets";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            BudgetEntry entry = context.bind(entries.get(i), path, BudgetEntry.class, BudgetEntry.FIELDS, Set.of());
            if (entry == null) {
                continue;
            }
            try {
                result = result.plus(upsert(entry, KeyGrantor.system(context.actor())));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(BudgetEntry e, KeyGrantor grantor) {
        BudgetCommand command = new BudgetCommand(e.name(), e.scopeType(), e.scope(), e.period(), e.limitUsd(),
                e.softThresholdPercent(), e.enabled(), Set.of());
        if (e.name() == null || !budgets.existsByName(e.name())) {
            service.create(command, grantor);
            return SectionResult.ofCreated();
        }
        BudgetView before = service.get(e.name(), grantor);
        BudgetView after = service.update(e.name(), command, grantor);
        return after.updatedAt().equals(before.updatedAt()) ? SectionResult.ofUnchanged() : SectionResult.ofUpdated();
    }

    @Override
    public List<BudgetEntry> export() {
        return service.list(KeyGrantor.system("export")).stream().map(b -> new BudgetEntry(b.name(), b.scopeType(),
                b.scope() != null ? b.scope() : String.valueOf(b.scopeId()), b.period(), b.limitUsd(),
                b.softThresholdPercent(), b.enabled())).toList();
    }

    @Override
    public String historyType() {
        return BudgetAdminService.ENTITY;
    }
}
