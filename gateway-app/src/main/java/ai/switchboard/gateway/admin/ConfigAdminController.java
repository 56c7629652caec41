package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.declarative.ApplyResult;
import ai.switchboard.registry.declarative.DeclarativeConfigService;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The declarative registry over HTTP: {@code POST /admin/v1/config:apply} applies a file (YAML or JSON body) all or
 * nothing; {@code GET /admin/v1/config} exports the live registry in the same format (YAML, or JSON when asked).
 */
@RestController
public class ConfigAdminController {

    static final String PATH = "/admin/v1/config";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final DeclarativeConfigService config;
    private final RegistryCalls calls;

    public ConfigAdminController(DeclarativeConfigService config,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.config = config;
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
    public Mono<ResponseEntity<String>> exportYaml() {
        return calls.blocking(() -> ResponseEntity.ok().contentType(YAML).body(config.exportYaml()));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping(path = PATH, produces = "application/json")
    public Mono<Map<String, List<?>>> exportJson() {
        return calls.blocking(config::export);
    }
}
