package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.auth.RequiredScope;
import ai.switchboard.gateway.eval.run.EvaluationReport;
import ai.switchboard.gateway.eval.run.Evaluations;
import ai.switchboard.registry.KeyScope;
import java.net.URI;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /admin/v1/routes/{id}:evaluate}: the promotion gate. Runs a dataset against the route as it is and as a
 * candidate change would make it, without applying the change; the report's comparison lists the cases the change
 * would get wrong that the route gets right today.
 */
@RestController
public class RouteEvaluationAdminController {

    private final Evaluations evaluations;

    public RouteEvaluationAdminController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @RequiredScope(KeyScope.ADMIN)
    @PostMapping(path = RouteAdminController.PATH + "/{id}:evaluate", produces = "application/json")
    public Mono<ResponseEntity<EvaluationReport>> evaluate(@PathVariable String id,
            @RequestBody(required = false) String body, ServerWebExchange exchange) {
        String actor = AuthenticatedCaller.of(exchange).actor();
        return Mono.fromCallable(() -> AdminJson.read(body, RouteEvaluationRequest.class, Set.of()))
                .flatMap(request -> evaluations.startGate(id, request.candidate(), request.toCommand(id), actor))
                .map(report -> ResponseEntity.accepted()
                        .location(URI.create(EvaluationAdminController.PATH + "/" + report.id())).body(report));
    }
}
