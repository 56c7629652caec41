package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.gateway.eval.run.CaseResult;
import ai.switchboard.gateway.eval.run.EvaluationReport;
import ai.switchboard.gateway.eval.run.Evaluations;
import ai.switchboard.gateway.eval.run.StoredEvaluation;
import ai.switchboard.registry.KeyScope;
import java.net.URI;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /admin/v1/evaluations}: runs of a dataset against models and routes, and their reports. Administrators
 * only: a run spends money under a key, and its answers are the dataset's. A run is asynchronous: the POST answers
 * {@code 202} with the report as it starts, and {@code GET .../{id}} shows its progress.
 */
@RestController
@RequestMapping(path = EvaluationAdminController.PATH, produces = "application/json")
public class EvaluationAdminController {

    static final String PATH = "/admin/v1/evaluations";

    private final Evaluations evaluations;

    public EvaluationAdminController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping
    public Mono<ResponseEntity<EvaluationReport>> start(@RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return Mono.fromCallable(() -> AdminJson.read(body, EvaluationRequest.class, Set.of()).toCommand())
                .flatMap(command -> evaluations.start(command, actor))
                .map(report -> ResponseEntity.accepted().location(URI.create(PATH + "/" + report.id())).body(report));
    }

    @RequiredScope(KeyScope.ADMIN)
    @GetMapping
    public Mono<ListResponse<StoredEvaluation>> list() {
        return evaluations.list().map(ListResponse::new);
    }

    @RequiredScope(KeyScope.ADMIN)
    @GetMapping("/{id}")
    public Mono<EvaluationReport> get(@PathVariable String id) {
        return evaluations.report(id);
    }

    /** Every graded answer, by target and case. */
    @RequiredScope(KeyScope.ADMIN)
    @GetMapping("/{id}/results")
    public Mono<ListResponse<CaseResult>> results(@PathVariable String id) {
        return evaluations.results(id).map(ListResponse::new);
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping("/{id}:cancel")
    public Mono<EvaluationReport> cancel(@PathVariable String id) {
        return evaluations.cancel(id);
    }
}
