package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.ratelimit.RateLimitAdminService;
import ai.switchboard.registry.ratelimit.RateLimitView;
import java.net.URI;
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
 * {@code /admin/v1/rate-limits}: requests and tokens per minute on a key, a team or a model, enforced on every
 * replica together. {@code {id}} is the limit's UUID.
 */
@RestController
@RequestMapping(path = RateLimitAdminController.PATH, produces = "application/json")
public class RateLimitAdminController {

    static final String PATH = "/admin/v1/rate-limits";

    private final RateLimitAdminService limits;
    private final RegistryCalls calls;

    public RateLimitAdminController(RateLimitAdminService limits,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.limits = limits;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PostMapping
    public Mono<ResponseEntity<RateLimitView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            RateLimitRequest request = AdminJson.read(body, RateLimitRequest.class, RateLimitAdminService.CLEARABLE);
            RateLimitView view = limits.create(request.toCreate(), grantor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping
    public Mono<ListResponse<RateLimitView>> list(ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> new ListResponse<>(limits.list(grantor)));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping("/{id}")
    public Mono<RateLimitView> get(@PathVariable String id, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> limits.get(id, grantor));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PatchMapping("/{id}")
    public Mono<RateLimitView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            AdminJson.Patch<RateLimitRequest> patch =
                    AdminJson.readPatch(body, RateLimitRequest.class, RateLimitAdminService.CLEARABLE);
            return limits.update(id, patch.request().toUpdate(patch.cleared()), grantor);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            limits.delete(id, grantor);
            return ResponseEntity.noContent().build();
        });
    }
}
