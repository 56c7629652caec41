package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.observability.usage.UsageQueries;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** {@code GET /admin/v1/usage?from=&to=&group_by=model|route|key|provider|day}: totals from the usage ledger. */
@RestController
@RequestMapping(path = UsageAdminController.PATH, produces = "application/json")
public class UsageAdminController {

    static final String PATH = "/admin/v1/usage";

    private final UsageQueries usage;
    private final RegistryCalls calls;
    private final Clock clock;

    public UsageAdminController(UsageQueries usage, Clock clock,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.usage = usage;
        this.clock = clock;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @GetMapping
    public Mono<UsageResponse> totals(@RequestParam MultiValueMap<String, String> parameters) {
        // Parsed on the caller's thread: a 400 needs no database and no scheduler slot.
        UsageParameters query = UsageParameters.parse(parameters, clock);
        return calls.blocking(() -> UsageResponse.of(usage.totals(query.from(), query.to(), query.groupBy())));
    }
}
