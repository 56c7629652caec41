package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.schedule.AgentScheduleAdminService;
import ai.switchboard.registry.schedule.AgentScheduleView;
import java.net.URI;
import java.util.Set;
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
 * {@code /admin/v1/agent-schedules}: agents run on a cron expression with a fixed input, as a named key.
 * Administrators manage them; viewers read them. {@code {id}} is the schedule's UUID or name.
 */
@RestController
@RequestMapping(path = AgentScheduleAdminController.PATH, produces = "application/json")
public class AgentScheduleAdminController {

    static final String PATH = "/admin/v1/agent-schedules";

    private final AgentScheduleAdminService schedules;
    private final RegistryCalls calls;

    public AgentScheduleAdminController(AgentScheduleAdminService schedules,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.schedules = schedules;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<AgentScheduleView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AgentScheduleRequest request = AdminJson.read(body, AgentScheduleRequest.class, Set.of());
            AgentScheduleView view = schedules.create(request.toCommand(), actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping
    public Mono<ListResponse<AgentScheduleView>> list() {
        return calls.blocking(() -> new ListResponse<>(schedules.list()));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping("/{id}")
    public Mono<AgentScheduleView> get(@PathVariable String id) {
        return calls.blocking(() -> schedules.get(id));
    }

    @RequiredScope(KeyScope.ADMIN)
    @PatchMapping("/{id}")
    public Mono<AgentScheduleView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> schedules.update(id,
                AdminJson.readPatch(body, AgentScheduleRequest.class, Set.of()).request().toCommand(), actor));
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            schedules.delete(id, actor);
            return ResponseEntity.noContent().build();
        });
    }
}
