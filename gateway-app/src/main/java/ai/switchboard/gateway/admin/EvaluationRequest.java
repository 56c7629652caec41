package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.eval.run.EvaluationCommand;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /admin/v1/evaluations}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record EvaluationRequest(String dataset, List<String> targets, String keyId, Integer concurrency,
        BigDecimal costCapUsd) {

    EvaluationCommand toCommand() {
        return new EvaluationCommand(dataset, targets, keyId, concurrency, costCapUsd);
    }
}
