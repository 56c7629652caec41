package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.eval.run.EvaluationCommand;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /admin/v1/routes/{id}:evaluate}: the change to check ({@code candidate}, a route PATCH
 * body) and the evaluation to check it with; the targets are the route as it is and as it would be.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RouteEvaluationRequest(JsonNode candidate, String dataset, String keyId, Integer concurrency,
        BigDecimal costCapUsd) {

    EvaluationCommand toCommand(String route) {
        return new EvaluationCommand(dataset, List.of(route), keyId, concurrency, costCapUsd);
    }
}
