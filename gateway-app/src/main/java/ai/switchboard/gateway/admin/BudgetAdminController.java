package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.gateway.budget.BudgetStatus;
import ai.switchboard.gateway.budget.BudgetStatuses;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.budget.BudgetAdminService;
import ai.switchboard.registry.budget.BudgetView;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code /admin/v1/budgets}: {@code {id}} is the budget's UUID or name. Every answer shows the definition and the
 * current period: limit, spent, reserved, remaining and when it resets.
 */
@RestController
@RequestMapping(path = BudgetAdminController.PATH, produces = "application/json")
public class BudgetAdminController {

    static final String PATH = "/admin/v1/budgets";

    private final BudgetAdminService budgets;
    private final BudgetStatuses statuses;
    private final RegistryCalls calls;

    public BudgetAdminController(BudgetAdminService budgets, BudgetStatuses statuses,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.budgets = budgets;
        this.statuses = statuses;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<BudgetStatus>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            BudgetRequest request = AdminJson.read(body, BudgetRequest.class, BudgetAdminService.CLEARABLE);
            BudgetView view = budgets.create(request.toCommand(Set.of()), actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(status(view));
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping
    public Mono<ListResponse<BudgetStatus>> list() {
        return calls.blocking(() -> new ListResponse<>(statuses.of(budgets.list())));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping("/{id}")
    public Mono<BudgetStatus> get(@PathVariable String id) {
        return calls.blocking(() -> status(budgets.get(id)));
    }

    @RequiredScope(KeyScope.ADMIN)
    @PatchMapping("/{id}")
    public Mono<BudgetStatus> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AdminJson.Patch<BudgetRequest> patch =
                    AdminJson.readPatch(body, BudgetRequest.class, BudgetAdminService.CLEARABLE);
            return status(budgets.update(id, patch.request().toCommand(patch.cleared()), actor));
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            budgets.delete(id, actor);
            return ResponseEntity.noContent().build();
        });
    }

    private BudgetStatus status(BudgetView view) {
        return statuses.of(List.of(view)).getFirst();
    }
}
