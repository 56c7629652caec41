package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.declarative.ApplyResult;
import ai.switchboard.registry.declarative.DeclarativeConfigService;
import ai.switchboard.registry.history.RegistryHistoryService;
import ai.switchboard.registry.history.RegistryRollbackService;
import ai.switchboard.registry.history.RollbackResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The declarative registry over HTTP: {@code POST /admin/v1/config:apply} applies a file (YAML or JSON body) all or
 * nothing; {@code GET /admin/v1/config} exports the live registry in the same format (YAML, or JSON when asked), or
 * with {@code ?revision=N} the registry as it was then, rebuilt from its history; {@code POST
 * /admin/v1/config:rollback} restores the registry, or one entity, as it was, as a new revision.
 */
@RestController
public class ConfigAdminController {

    static final String PATH = "/admin/v1/config";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final DeclarativeConfigService config;
    private final RegistryHistoryService history;
    private final RegistryRollbackService rollbacks;
    private final RegistryCalls calls;

    public ConfigAdminController(DeclarativeConfigService config, RegistryHistoryService history,
            RegistryRollbackService rollbacks,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.config = config;
        this.history = history;
        this.rollbacks = rollbacks;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping(path = PATH + ":apply", produces = "application/json")
    public Mono<ApplyResult> apply(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> config.apply(body, actor));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping(path = PATH, produces = "application/yaml")
    public Mono<ResponseEntity<String>> exportYaml(@RequestParam(required = false) String revision) {
        return calls.blocking(() -> ResponseEntity.ok().contentType(YAML).body(revision == null ? config.exportYaml()
                : history.exportYamlAt(revision(revision))));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping(path = PATH, produces = "application/json")
    public Mono<Map<String, ? extends List<?>>> exportJson(@RequestParam(required = false) String revision) {
        return calls.blocking(() -> revision == null ? config.export() : history.exportAt(revision(revision)));
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping(path = PATH + ":rollback", produces = "application/json")
    public Mono<RollbackResult> rollback(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            RollbackRequest request = AdminJson.read(body, RollbackRequest.class, Set.of()).checked();
            return request.revision() != null ? rollbacks.rollback(request.revision(), actor)
                    : rollbacks.rollbackEntity(request.entity().kind(), request.entity().id(), request.version(),
                            actor);
        });
    }

    private static long revision(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new RegistryValidationException("revision", "must be a revision number (0 or more)");
        }
        return Long.parseLong(text);
    }
}
