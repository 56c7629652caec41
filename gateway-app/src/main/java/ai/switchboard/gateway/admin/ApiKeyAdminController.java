package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.key.ApiKeyAdminService;
import ai.switchboard.registry.key.ApiKeyView;
import ai.switchboard.registry.key.KeyGrantor;
import java.net.URI;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
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
 * {@code /admin/v1/keys}: {@code PATCH} changes a live key's name, scopes, allowed models, expiry ({@code null}:
 * never) or team ({@code null}: none); {@code DELETE} revokes and keeps the row; {@code POST {id}:rotate} gives the
 * key a new secret, the old one working for {@code grace_period_seconds} more; {@code {id}} is the key's UUID or
 * name. A caller can never give a key more than its own key holds. A team administrator sees and manages its own
 * team's keys only; a viewer reads every key.
 */
@RestController
@RequestMapping(path = ApiKeyAdminController.PATH, produces = "application/json")
public class ApiKeyAdminController {

    static final String PATH = "/admin/v1/keys";

    private final ApiKeyAdminService keys;
    private final RegistryCalls calls;

    public ApiKeyAdminController(ApiKeyAdminService keys,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.keys = keys;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PostMapping
    public Mono<ResponseEntity<CreatedApiKeyResponse>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            ApiKeyRequest request = AdminJson.read(body, ApiKeyRequest.class, ApiKeyAdminService.CLEARABLE);
            CreatedApiKeyResponse created = CreatedApiKeyResponse.of(keys.create(request.toCreate(), grantor));
            // The one response that carries a secret must not be kept by any cache on the way.
            return ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                    .cacheControl(CacheControl.noStore())
                    .body(created);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping
    public Mono<ListResponse<ApiKeyView>> list(ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> new ListResponse<>(keys.list(grantor)));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping("/{id}")
    public Mono<ApiKeyView> get(@PathVariable String id, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> keys.get(id, grantor));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PostMapping("/{id}:rotate")
    public Mono<ResponseEntity<CreatedApiKeyResponse>> rotate(@PathVariable String id,
            @RequestBody(required = false) String body, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            RotateRequest request = body == null || body.isBlank() ? new RotateRequest(null)
                    : AdminJson.read(body, RotateRequest.class, Set.of());
            CreatedApiKeyResponse rotated = CreatedApiKeyResponse.of(keys.rotate(id, request.grace(), grantor));
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rotated);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @PatchMapping("/{id}")
    public Mono<ApiKeyView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            AdminJson.Patch<ApiKeyRequest> patch =
                    AdminJson.readPatch(body, ApiKeyRequest.class, ApiKeyAdminService.CLEARABLE);
            return keys.update(id, patch.request().toUpdate(patch.cleared()), grantor);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.TEAM_ADMIN})
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> revoke(@PathVariable String id, ServerWebExchange exchange) {
        KeyGrantor grantor = AuthenticatedCaller.of(exchange).grantor();
        return calls.blocking(() -> {
            keys.revoke(id, grantor);
            return ResponseEntity.noContent().build();
        });
    }
}
