package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.registry.prompt.PromptAdminService;
import ai.switchboard.registry.prompt.PromptView;
import ai.switchboard.registry.prompt.RenderView;
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
 * {@code /admin/v1/prompts}: versioned prompt templates. Administrators write them (a new version, a label moved);
 * viewers read and render them, since a render changes nothing. {@code {id}} is the prompt's UUID or name.
 */
@RestController
@RequestMapping(path = PromptAdminController.PATH, produces = "application/json")
public class PromptAdminController {

    static final String PATH = "/admin/v1/prompts";

    private final PromptAdminService prompts;
    private final RegistryCalls calls;

    public PromptAdminController(PromptAdminService prompts,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.prompts = prompts;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<PromptView>> create(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            PromptView view = prompts.create(AdminJson.read(body, PromptRequest.class, Set.of()).toCommand(), actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping("/{id}/versions")
    public Mono<ResponseEntity<PromptView>> addVersion(@PathVariable String id,
            @RequestBody(required = false) String body, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            PromptView view = prompts.addVersion(id, AdminJson.read(body, PromptRequest.class, Set.of()).toCommand(),
                    actor);
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping
    public Mono<ListResponse<PromptView>> list() {
        return calls.blocking(() -> new ListResponse<>(prompts.list()));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @GetMapping("/{id}")
    public Mono<PromptView> get(@PathVariable String id) {
        return calls.blocking(() -> prompts.get(id));
    }

    @RequiredScope({KeyScope.ADMIN, KeyScope.VIEWER})
    @PostMapping("/{id}:render")
    public Mono<RenderView> render(@PathVariable String id, @RequestBody(required = false) String body) {
        return calls.blocking(() -> {
            PromptRenderRequest request = body == null || body.isBlank() ? new PromptRenderRequest(null, null, null)
                    : AdminJson.read(body, PromptRenderRequest.class, Set.of());
            return prompts.render(id, request.label(), request.version(), request.variables());
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @PatchMapping("/{id}")
    public Mono<PromptView> update(@PathVariable String id, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            AdminJson.Patch<PromptPatchRequest> patch =
                    AdminJson.readPatch(body, PromptPatchRequest.class, Set.of("description"));
            return prompts.update(id, patch.request().toCommand(), patch.cleared().contains("description"), actor);
        });
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return calls.blocking(() -> {
            prompts.delete(id, actor);
            return ResponseEntity.noContent().build();
        });
    }
}
