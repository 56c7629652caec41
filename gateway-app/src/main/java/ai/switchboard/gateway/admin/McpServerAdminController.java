package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.mcp.McpServerAdminService;
import ai.switchboard.registry.mcp.McpServerView;
import ai.switchboard.tools.mcp.McpClientManager;
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
 * {@code /admin/v1/mcp-servers}: the upstream MCP servers whose tools the gateway offers. Administrators manage them
 * (stdio servers run a program on the gateway's host, so only administrators may register one); viewers read them
 * (headers, bearer token and environment shown only as set). {@code GET /{id}} adds this replica's connection
 * state. {@code {id}} is the server's UUID or name.
 */
@RestController
@RequestMapping(path = McpServerAdminController.PATH, produces = "application/json")
public class McpServerAdminController {

    static final String PATH = "/admin/v1/mcp-servers";

    private final McpServerAdminService servers;
    private final McpClientManager mcp;
    private final RegistryCalls calls;

    public McpServerAdminController(McpServerAdminService servers, McpClientManager mcp,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.servers = servers;
        this.mcp = mcp;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<McpServerView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            McpServerRequest request = AdminJson.read(body, McpServerRequest.class, McpServerAdminService.CLEARABLE);
            McpServerView view = servers.create(request.toCommand(Set.of()), actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping
    public Mono<ListResponse<McpServerView>> list() {
        return calls.blocking(() -> new ListResponse<>(servers.list()));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping("/{id}")
    public Mono<McpServerDetail> get(@PathVariable String id) {
        return calls.blocking(() -> {
            McpServerView view = servers.get(id);
            return McpServerDetail.of(view, mcp.connection(view.name()).map(c -> c.health()).orElse(null));
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @PatchMapping("/{id}")
    public Mono<McpServerView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AdminJson.Patch<McpServerRequest> patch =
                    AdminJson.readPatch(body, McpServerRequest.class, McpServerAdminService.CLEARABLE);
            return servers.update(id, patch.request().toCommand(patch.cleared()), actor);
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            servers.delete(id, actor);
            return ResponseEntity.noContent().build();
        });
    }
}
