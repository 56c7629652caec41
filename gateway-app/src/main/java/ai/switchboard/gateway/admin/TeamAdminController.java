package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.team.TeamAdminService;
import ai.switchboard.registry.team.TeamView;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
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
 * {@code /admin/v1/teams}: teams own keys (and the budgets and limits set on them). Administrators manage them;
 * viewers read them all; a team administrator reads its own team only. {@code {id}} is the team's UUID or name.
 */
@RestController
@RequestMapping(path = TeamAdminController.PATH, produces = "application/json")
public class TeamAdminController {

    static final String PATH = "/admin/v1/teams";

    /** A team no key belongs to: what a team administrator without a team may see. */
    private static final UUID NO_TEAM = new UUID(0, 0);

    private final TeamAdminService teams;
    private final RegistryCalls calls;

    public TeamAdminController(TeamAdminService teams,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.teams = teams;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<TeamView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            TeamRequest request = AdminJson.read(body, TeamRequest.class, TeamAdminService.CLEARABLE);
            TeamView view = teams.create(request.toCommand(Set.of()), actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping
    public Mono<ListResponse<TeamView>> list(ServerWebExchange exchange) {
        UUID only = onlyTeam(exchange);
        return calls.blocking(() -> new ListResponse<>(teams.list(only)));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER, KeyScope.TEAM_ADMIN})
    @GetMapping("/{id}")
    public Mono<TeamView> get(@PathVariable String id, ServerWebExchange exchange) {
        UUID only = onlyTeam(exchange);
        return calls.blocking(() -> teams.get(id, only));
    }

    @RequiredScope(KeyScope.ADMIN)
    @PatchMapping("/{id}")
    public Mono<TeamView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AdminJson.Patch<TeamRequest> patch =
                    AdminJson.readPatch(body, TeamRequest.class, TeamAdminService.CLEARABLE);
            return teams.update(id, patch.request().toCommand(patch.cleared()), actor);
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            teams.delete(id, actor);
            return ResponseEntity.noContent().build();
        });
    }

    /** {@code null} when the caller reads every team, else the one team it may read. */
    static UUID onlyTeam(ServerWebExchange exchange) {
        ApiKeyRecord key = AuthenticatedCaller.of(exchange).key();
        if (key.hasScope(KeyScope.ADMIN) || key.hasScope(KeyScope.VIEWER)) {
            return null;
        }
        return key.teamId() == null ? NO_TEAM : key.teamId();
    }
}
