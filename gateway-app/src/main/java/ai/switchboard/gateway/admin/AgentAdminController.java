package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.agent.AgentAdminService;
import ai.switchboard.registry.agent.AgentView;
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
 * {@code /admin/v1/agents}: agents, the tools they are granted and the limits of their runs. Administrators manage
 * them; viewers read them. {@code {id}} is the agent's UUID or name.
 */
@RestController
@RequestMapping(path = AgentAdminController.PATH, produces = "application/json")
public class AgentAdminController {

    static final String PATH = "/admin/v1/agents";

    private final AgentAdminService agents;
    private final RegistryCalls calls;

    public AgentAdminController(AgentAdminService agents,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.agents = agents;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<AgentView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AgentRequest request = AdminJson.read(body, AgentRequest.class, AgentAdminService.CLEARABLE);
            AgentView view = agents.create(request.toCommand(Set.of()), actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping
    public Mono<ListResponse<AgentView>> list() {
        return calls.blocking(() -> new ListResponse<>(agents.list()));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping("/{id}")
    public Mono<AgentView> get(@PathVariable String id) {
        return calls.blocking(() -> agents.get(id));
    }

    @RequiredScope(KeyScope.ADMIN)
    @PatchMapping("/{id}")
    public Mono<AgentView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AdminJson.Patch<AgentRequest> patch =
                    AdminJson.readPatch(body, AgentRequest.class, AgentAdminService.CLEARABLE);
            return agents.update(id, patch.request().toCommand(patch.cleared()), actor);
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            agents.delete(id, actor);
            return ResponseEntity.noContent().build();
        });
    }
}
