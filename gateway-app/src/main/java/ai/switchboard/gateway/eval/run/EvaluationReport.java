package ai.switchboard.gateway.eval.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What {@code GET /admin/v1/evaluations/{id}} answers: the run, its progress, per target its accuracy, cost and
 * latency, and per pair of targets the cases one got right and the other wrong (where to look first when choosing).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(String id, String dataset, UUID datasetId, String status, String error, UUID keyId,
        List<String> targets, JsonNode candidate, int concurrency, BigDecimal costCapUsd, BigDecimal spentUsd, Progress progress,
        String createdBy, Instant createdAt, Instant finishedAt, List<TargetSummary> results,
        List<Comparison> comparisons) {

    /** Cases graded so far, of all cases times all targets. */
    public record Progress(int done, int total) {
    }

    /**
     * One target's numbers over the cases it answered. Accuracy counts a failed call as a wrong answer: a model
     * that errors is not right. Latency is over answered calls only.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TargetSummary(String target, int cases, int correct, int errors, double accuracy,
            BigDecimal costUsd, BigDecimal gradeCostUsd, Long latencyP50Ms, Long latencyP95Ms,
            BigDecimal costPerCorrectUsd, Double averageScore,
            @JsonInclude(JsonInclude.Include.NON_NULL) ProductionFeedback feedback) {

        TargetSummary withFeedback(ProductionFeedback production) {
            return new TargetSummary(target, cases, correct, errors, accuracy, costUsd, gradeCostUsd, latencyP50Ms,
                    latencyP95Ms, costPerCorrectUsd, averageScore, production);
        }
    }

    /**
     * What applications said ({@code POST /v1/feedback}) about the target's answers in production over
     * {@code days} days up to the report: the online signal next to the offline score. Absent for a candidate, which
     * has served no one yet.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProductionFeedback(int days, long count, long scored, Double averageScore,
            Map<String, Long> labels) {
    }

    /** Two targets over the cases both have a result for. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Comparison(String a, String b, @JsonProperty("a_right_b_wrong") List<Integer> aRightBWrong,
            @JsonProperty("b_right_a_wrong") List<Integer> bRightAWrong,
            int bothRight, int bothWrong) {
    }

    /** @param feedback production feedback by target name, for the targets that have any to show */
    public static EvaluationReport of(StoredEvaluation run, int casesPerTarget, List<CaseResult> results,
            Map<String, ProductionFeedback> feedback) {
        Map<String, List<CaseResult>> byTarget = new HashMap<>();
        results.forEach(r -> byTarget.computeIfAbsent(r.target(), t -> new ArrayList<>()).add(r));
        List<TargetSummary> summaries = run.targets().stream()
                .map(target -> summary(target, byTarget.getOrDefault(target, List.of()))
                        .withFeedback(feedback.get(target))).toList();
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < run.targets().size(); i++) {
            for (int j = i + 1; j < run.targets().size(); j++) {
                comparisons.add(compare(run.targets().get(i), run.targets().get(j),
                        byTarget.getOrDefault(run.targets().get(i), List.of()),
                        byTarget.getOrDefault(run.targets().get(j), List.of())));
            }
        }
        return new EvaluationReport(run.id(), run.dataset(), run.datasetId(), run.status(), run.error(), run.keyId(),
                run.targets(), run.candidate(), run.concurrency(), run.costCapUsd(), run.spentUsd(),
                new Progress(results.size(), casesPerTarget * run.targets().size()), run.createdBy(),
                run.createdAt(), run.finishedAt(), summaries, comparisons);
    }

    static TargetSummary summary(String target, List<CaseResult> results) {
        int correct = 0;
        int errors = 0;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal gradeCost = BigDecimal.ZERO;
        List<Long> latencies = new ArrayList<>();
        long scoreSum = 0;
        int scored = 0;
        for (CaseResult r : results) {
            correct += r.passed() ? 1 : 0;
            errors += r.error() != null ? 1 : 0;
            cost = r.costUsd() == null ? cost : cost.add(r.costUsd());
            gradeCost = r.gradeCostUsd() == null ? gradeCost : gradeCost.add(r.gradeCostUsd());
            if (r.error() == null && r.latencyMs() != null) {
                latencies.add(r.latencyMs());
            }
            if (r.score() != null) {
                scoreSum += r.score();
                scored++;
            }
        }
        latencies.sort(null);
        double accuracy = results.isEmpty() ? 0 : (double) correct / results.size();
        BigDecimal perCorrect = correct == 0 ? null
                : cost.divide(BigDecimal.valueOf(correct), MathContext.DECIMAL64).setScale(12, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
        return new TargetSummary(target, results.size(), correct, errors, accuracy, cost.stripTrailingZeros(),
                gradeCost.stripTrailingZeros(), percentile(latencies, 50), percentile(latencies, 95), perCorrect,
                scored == 0 ? null : (double) scoreSum / scored, null);
    }

    /** Nearest rank: the smallest value at or above {@code p} percent of the values. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static Comparison compare(String a, String b, List<CaseResult> aResults, List<CaseResult> bResults) {
        Map<Integer, Boolean> bPassed = new HashMap<>();
        bResults.forEach(r -> bPassed.put(r.caseSeq(), r.passed()));
        List<Integer> aOnly = new ArrayList<>();
        List<Integer> bOnly = new ArrayList<>();
        int bothRight = 0;
        int bothWrong = 0;
        for (CaseResult r : aResults) {
            Boolean other = bPassed.get(r.caseSeq());
            if (other == null) {
                continue;
            }
            if (r.passed() && !other) {
                aOnly.add(r.caseSeq());
            } else if (!r.passed() && other) {
                bOnly.add(r.caseSeq());
            } else if (r.passed()) {
                bothRight++;
            } else {
                bothWrong++;
            }
        }
        aOnly.sort(null);
        bOnly.sort(null);
        return new Comparison(a, b, aOnly, bOnly, bothRight, bothWrong);
    }
}
