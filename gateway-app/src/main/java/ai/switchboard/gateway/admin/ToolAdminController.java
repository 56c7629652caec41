package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.tool.ToolAdminService;
import ai.switchboard.registry.tool.ToolView;
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
 * {@code /admin/v1/tools}: instances of the built-in tool types. Administrators manage them; viewers read them
 * (secret configuration shown only as set). {@code {id}} is the tool's UUID or name.
 */
@RestController
@RequestMapping(path = ToolAdminController.PATH, produces = "application/json")
public class ToolAdminController {

    static final String PATH = "/admin/v1/tools";

    private final ToolAdminService tools;
    private final RegistryCalls calls;

    public ToolAdminController(ToolAdminService tools,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.tools = tools;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<ToolView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            ToolRequest request = AdminJson.read(body, ToolRequest.class, ToolAdminService.CLEARABLE);
            ToolView view = tools.create(request.toCommand(Set.of()), actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping
    public Mono<ListResponse<ToolView>> list() {
        return calls.blocking(() -> new ListResponse<>(tools.list()));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping("/{id}")
    public Mono<ToolView> get(@PathVariable String id) {
        return calls.blocking(() -> tools.get(id));
    }

    @RequiredScope(KeyScope.ADMIN)
    @PatchMapping("/{id}")
    public Mono<ToolView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AdminJson.Patch<ToolRequest> patch =
                    AdminJson.readPatch(body, ToolRequest.class, ToolAdminService.CLEARABLE);
            return tools.update(id, patch.request().toCommand(patch.cleared()), actor);
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            tools.delete(id, actor);
            return ResponseEntity.noContent().build();
        });
    }
}
