package ai.switchboard.gateway.eval.run;

import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One graded answer of an evaluation.
 *
 * @param answer the model's text, or {@code null} when the call failed ({@code error} says why)
 * @param costUsd what the answer's call cost, {@code null} when a price is unknown
 * @param gradeCostUsd what the judge's call cost, {@code null} for local graders
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseResult(String target, int caseSeq, String requestId, String servedBy, String answer,
        boolean passed, Integer score, String detail, String error, Long latencyMs, Long inputTokens,
        Long outputTokens, BigDecimal costUsd, BigDecimal gradeCostUsd) {

    /** What the result adds to the run's spend. */
    public BigDecimal spent() {
        BigDecimal total = BigDecimal.ZERO;
        total = costUsd == null ? total : total.add(costUsd);
        return gradeCostUsd == null ? total : total.add(gradeCostUsd);
    }
}
