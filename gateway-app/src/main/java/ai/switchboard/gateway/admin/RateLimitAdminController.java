package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
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

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<RateLimitView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            RateLimitRequest request = AdminJson.read(body, RateLimitRequest.class, RateLimitAdminService.CLEARABLE);
            RateLimitView view = limits.create(request.toCreate(), actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping
    public Mono<ListResponse<RateLimitView>> list() {
        return calls.blocking(() -> new ListResponse<>(limits.list()));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping("/{id}")
    public Mono<RateLimitView> get(@PathVariable String id) {
        return calls.blocking(() -> limits.get(id));
    }

    @RequiredScope(KeyScope.ADMIN)
    @PatchMapping("/{id}")
    public Mono<RateLimitView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AdminJson.Patch<RateLimitRequest> patch =
                    AdminJson.readPatch(body, RateLimitRequest.class, RateLimitAdminService.CLEARABLE);
            return limits.update(id, patch.request().toUpdate(patch.cleared()), actor);
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            limits.delete(id, actor);
            return ResponseEntity.noContent().build();
        });
    }
}
