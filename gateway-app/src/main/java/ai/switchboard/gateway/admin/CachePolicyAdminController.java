package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.cache.CachePolicyAdminService;
import ai.switchboard.registry.cache.CachePolicyView;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.key.KeyGrantor;
import java.net.URI;
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
 * {@code /admin/v1/cache-policies}: whether and how the answers of a key, a model or a route are cached, on every
 * replica together. {@code {id}} is the policy's UUID.
 */
@RestController
@RequestMapping(path = CachePolicyAdminController.PATH, produces = "application/json")
public class CachePolicyAdminController {

    static final String PATH = "/admin/v1/cache-policies";

    private final CachePolicyAdminService policies;
    private final RegistryCalls calls;

    public CachePolicyAdminController(CachePolicyAdminService policies,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.policies = policies;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PostMapping
    public Mono<ResponseEntity<CachePolicyView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            CachePolicyRequest request = AdminJson.read(body, CachePolicyRequest.class, Set.of());
            CachePolicyView view = policies.create(request.toCreate(), grantor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping
    public Mono<ListResponse<CachePolicyView>> list(ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> new ListResponse<>(policies.list(grantor)));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping("/{id}")
    public Mono<CachePolicyView> get(@PathVariable String id, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> policies.get(id, grantor));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PatchMapping("/{id}")
    public Mono<CachePolicyView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            CachePolicyRequest request = AdminJson.readPatch(body, CachePolicyRequest.class, Set.of()).request();
            return policies.update(id, request.toUpdate(), grantor);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            policies.delete(id, grantor);
            return ResponseEntity.noContent().build();
        });
    }
}
