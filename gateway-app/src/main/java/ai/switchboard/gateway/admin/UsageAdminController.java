package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.observability.usage.UsageQueries;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code GET /admin/v1/usage?from=&to=&group_by=model|route|key|provider|day}: totals from the usage ledger (a team
 * administrator's: of its team's keys).
 */
@RestController
@RequestMapping(path = UsageAdminController.PATH, produces = "application/json")
public class UsageAdminController {

    static final String PATH = "/admin/v1/usage";

    private final UsageQueries usage;
    private final RegistrySnapshotManager snapshots;
    private final RegistryCalls calls;
    private final Clock clock;

    public UsageAdminController(UsageQueries usage, RegistrySnapshotManager snapshots, Clock clock,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.usage = usage;
        this.snapshots = snapshots;
        this.clock = clock;
        this.calls = new RegistryCalls(registryScheduler);
    }

    /** Administrators and viewers read all usage; a team administrator its own team's keys' usage only. */
    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping
    public Mono<UsageResponse> totals(@RequestParam MultiValueMap<String, String> parameters,
            ServerWebExchange exchange) {
        // Parsed on the caller's thread: a 400 needs no database and no scheduler slot.
        UsageParameters query = UsageParameters.parse(parameters, clock);
        List<UUID> onlyKeys = teamKeys(TeamAdminController.onlyTeam(exchange));
        return calls.blocking(() -> UsageResponse.of(usage.totals(query.from(), query.to(), query.groupBy(),
                onlyKeys)));
    }

    /** The keys of {@code team}, revoked ones included (their usage stays the team's); null for every key. */
    private List<UUID> teamKeys(UUID team) {
        if (team == null) {
            return null;
        }
        List<UUID> keys = new ArrayList<>();
        for (ApiKeyRecord key : snapshots.current().keys()) {
            if (team.equals(key.teamId())) {
                keys.add(key.id());
            }
        }
        return keys;
    }
}
