package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.history.HistoryVersion;
import ai.switchboard.registry.history.RegistryHistoryService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code GET /admin/v1/{kind}/{id}/history}: every version of one registry entity, oldest first, with who made it
 * and when. {@code {kind}} is the entity's admin collection ({@code models}, {@code keys}, {@code cache-policies},
 * ...), {@code {id}} its UUID or name; secrets are never part of a version.
 */
@RestController
public class HistoryAdminController {

    static final String PATH = "/admin/v1/{kind}/{id}/history";

    private final RegistryHistoryService history;
    private final RegistryCalls calls;

    public HistoryAdminController(RegistryHistoryService history,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.history = history;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping(path = PATH, produces = "application/json")
    public Mono<ListResponse<HistoryVersion>> versions(@PathVariable String kind, @PathVariable String id) {
        return calls.blocking(() -> new ListResponse<>(history.versions(kind, id)));
    }
}
