package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.gateway.eval.dataset.Datasets;
import ai.switchboard.gateway.eval.dataset.DatasetView;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import java.net.URI;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code /admin/v1/datasets}: golden datasets for evaluations. Administrators only, reads included: cases are often
 * real prompts and answers, which a viewer of the registry has no need to see. {@code {id}} is the UUID or name.
 */
@RestController
@RequestMapping(path = DatasetAdminController.PATH, produces = "application/json")
public class DatasetAdminController {

    static final String PATH = "/admin/v1/datasets";

    private final Datasets datasets;
    private final RegistryCalls calls;

    public DatasetAdminController(Datasets datasets,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler registryScheduler) {
        this.datasets = datasets;
        this.calls = new RegistryCalls(registryScheduler);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<DatasetView>> create(@RequestBody(required = false) String body) {
        return calls.blocking(() -> {
            DatasetRequest request = AdminJson.read(body, DatasetRequest.class, Set.of());
            DatasetView view = datasets.create(request.name(), request.description(), request.grader(),
                    request.template());
            return ResponseEntity.created(URI.create(PATH + "/" + view.id())).body(view);
        });
    }

    /** The body is JSONL (one case per line), whatever content type the client says. */
    @RequiredScope(KeyScope.ADMIN)
    @PostMapping("/{id}/cases")
    public Mono<DatasetView> importCases(@PathVariable String id, @RequestBody(required = false) String body) {
        return calls.blocking(() -> datasets.importCases(id, body));
    }

    @RequiredScope(KeyScope.ADMIN)
    @GetMapping
    public Mono<ListResponse<DatasetView>> list() {
        return calls.blocking(() -> new ListResponse<>(datasets.list()));
    }

    @RequiredScope(KeyScope.ADMIN)
    @GetMapping("/{id}")
    public Mono<DatasetView> get(@PathVariable String id) {
        return calls.blocking(() -> datasets.withCases(id));
    }

    @RequiredScope(KeyScope.ADMIN)
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return calls.blocking(() -> {
            datasets.delete(id);
            return ResponseEntity.noContent().build();
        });
    }
}
