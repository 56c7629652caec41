package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.gateway.budget.BudgetStatus;
import ai.switchboard.gateway.budget.BudgetStatuses;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.budget.BudgetAdminService;
import ai.switchboard.registry.budget.BudgetView;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.key.KeyGrantor;
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

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PostMapping
    public Mono<ResponseEntity<BudgetStatus>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            BudgetRequest request = AdminJson.read(body, BudgetRequest.class, BudgetAdminService.CLEARABLE);
            BudgetView view = budgets.create(request.toCommand(Set.of()), grantor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(status(view));
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping
    public Mono<ListResponse<BudgetStatus>> list(ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> new ListResponse<>(statuses.of(budgets.list(grantor))));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping("/{id}")
    public Mono<BudgetStatus> get(@PathVariable String id, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> status(budgets.get(id, grantor)));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PatchMapping("/{id}")
    public Mono<BudgetStatus> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            AdminJson.Patch<BudgetRequest> patch =
                    AdminJson.readPatch(body, BudgetRequest.class, BudgetAdminService.CLEARABLE);
            return status(budgets.update(id, patch.request().toCommand(patch.cleared()), grantor));
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            budgets.delete(id, grantor);
            return ResponseEntity.noContent().build();
        });
    }

    private BudgetStatus status(BudgetView view) {
        return statuses.of(List.of(view)).getFirst();
    }
}
