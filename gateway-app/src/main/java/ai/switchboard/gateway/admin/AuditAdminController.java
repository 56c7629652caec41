package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.audit.AuditPage;
import ai.switchboard.registry.audit.AuditTrail;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code GET /admin/v1/audit}: the audit trail, newest first, with filters and cursor paging (see
 * {@link AuditParameters}). Registry changes and refused admin calls ({@code action=denied}) alike.
 */
@RestController
public class AuditAdminController {

    static final String PATH = "/admin/v1/audit";

    private final AuditTrail audit;
    private final RegistryCalls calls;

    public AuditAdminController(AuditTrail audit,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.audit = audit;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping(path = PATH, produces = "application/json")
    public Mono<AuditPage> read(@RequestParam MultiValueMap<String, String> parameters) {
        AuditParameters query = AuditParameters.parse(parameters);
        return calls.blocking(() -> audit.read(query.filter(), query.cursor(), query.limit()));
    }
}
