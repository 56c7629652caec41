package ai.switchboard.gateway.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EvaluationReportTests {

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();

        assertThat(EvaluationReport.percentile(hundred, 50)).isEqualTo(50);
        assertThat(EvaluationReport.percentile(hundred, 95)).isEqualTo(95);
        assertThat(EvaluationReport.percentile(List.of(7L), 95)).isEqualTo(7);
        assertThat(EvaluationReport.percentile(List.of(), 50)).isNull();
    }

    @Test
    void aFailedCallIsAWrongAnswerWithoutALatencyAndCostIsPerCorrectAnswer() {
        EvaluationReport.TargetSummary summary = EvaluationReport.summary("m", List.of(
                result("m", 1, true, 100L, "0.3"), result("m", 2, true, 300L, "0.3"),
                new CaseResult("m", 3, null, null, null, false, null, null, "upstream down", null, null, null, null,
                        null)));

        assertThat(summary.cases()).isEqualTo(3);
        assertThat(summary.correct()).isEqualTo(2);
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.accuracy()).isEqualTo(2 / 3.0);
        assertThat(summary.latencyP50Ms()).isEqualTo(100);
        assertThat(summary.latencyP95Ms()).isEqualTo(300);
        assertThat(summary.costUsd()).isEqualByComparingTo("0.6");
        assertThat(summary.costPerCorrectUsd()).isEqualByComparingTo("0.3");
    }

    @Test
    void theComparisonListsTheCasesOnlyOneGotRightOverTheCasesBothAnswered() {
        EvaluationReport.Comparison comparison = EvaluationReport.compare("a", "b",
                List.of(result("a", 1, true, 1L, "0"), result("a", 2, false, 1L, "0"), result("a", 3, true, 1L, "0"),
                        result("a", 4, false, 1L, "0"), result("a", 5, true, 1L, "0")),
                List.of(result("b", 1, false, 1L, "0"), result("b", 2, true, 1L, "0"), result("b", 3, true, 1L, "0"),
                        result("b", 4, false, 1L, "0")));

        assertThat(comparison.aRightBWrong()).containsExactly(1);
        assertThat(comparison.bRightAWrong()).containsExactly(2);
        assertThat(comparison.bothRight()).isEqualTo(1);
        assertThat(comparison.bothWrong()).isEqualTo(1);
    }

    private static CaseResult result(String target, int seq, boolean passed, Long latency, String cost) {
        return new CaseResult(target, seq, "r", target, "answer", passed, null, null, null, latency, 1L, 1L,
                new BigDecimal(cost), null);
    }
}
