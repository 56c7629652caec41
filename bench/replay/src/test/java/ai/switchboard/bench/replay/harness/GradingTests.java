package ai.switchboard.bench.replay.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.switchboard.bench.replay.record.JsonLines;
import ai.switchboard.bench.replay.record.ModelAnswer;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradingTests {

    // Strong right on 1, 2, 3; weak right on 1 and 4 only.
    private static final ReplayDataset DATASET = new ReplayDataset("toy", "s", "w", List.of(
            item("1", 1, 1), item("2", 1, 0), item("3", 1, 0), item("4", 0, 1)), 1);

    @Test
    void gradesEachAnswerByTheRecordingOfTheModelThatServedIt() {
        List<ChatOutcome> outcomes = List.of(ok("1", "w"), ok("2", "s"), ok("3", "w"), ok("4", "w"));

        // 1 (weak right) + 1 (strong right) + 0 (weak wrong) + 1 (weak right) = 3 of 4
        assertThat(Grading.meanScore(DATASET, outcomes)).isEqualTo(0.75);
        assertThat(Grading.strongSharePct(DATASET, outcomes)).isEqualTo(25);
    }

    @Test
    void countsAFailureOrAnUnrecordedModelAsWrongAndNeverAsStrong() {
        List<ChatOutcome> outcomes = List.of(
                new ChatOutcome("1", 502, null, 2, "upstream failed", false),
                ok("2", "judge"), ok("3", "s"), ok("4", "w"));

        assertThat(Grading.meanScore(DATASET, outcomes)).isEqualTo(0.5);
        assertThat(Grading.strongSharePct(DATASET, outcomes)).isEqualTo(25);
    }

    @Test
    void refusesAnOutcomeForAnItemTheDatasetDoesNotHave() {
        assertThatThrownBy(() -> Grading.meanScore(DATASET, List.of(ok("9", "s"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9");
    }

    @Test
    void expressesEveryRunAgainstTheAlwaysStrongRun() {
        RunMeasurement strong = run("always-strong", "toy.always-strong.-",
                List.of(ok("1", "s"), ok("2", "s"), ok("3", "s"), ok("4", "s")), 2.0);
        RunMeasurement weak = run("always-weak", "toy.always-weak.-",
                List.of(ok("1", "w"), ok("2", "w"), ok("3", "w"), ok("4", "w")), 0.1);
        RunMeasurement cascade = run("cascade", "toy.cascade.x",
                List.of(ok("1", "w"), ok("2", "s"), ok("3", "s"), ok("4", "w")), 1.2);
        Map<String, UsageRow> ledger = Map.of(
                "toy.always-strong.-", new UsageRow(4, 0, 0, 2.0, 0),
                "toy.always-weak.-", new UsageRow(4, 0, 0, 0.1, 0),
                // The ledger prices the cascade's rejected weak calls at the strong price: it differs.
                "toy.cascade.x", new UsageRow(4, 0, 0, 1.5, 0));

        List<PolicyPoint> points = Grading.points(DATASET, List.of(strong, weak, cascade), ledger);

        assertThat(points).extracting(PolicyPoint::accuracyPct).containsExactly(100.0, 200.0 / 3, 400.0 / 3);
        assertThat(points.get(1).perCallCostPct()).isCloseTo(5, within(1e-9));
        assertThat(points.get(2).perCallCostPct()).isCloseTo(60, within(1e-9));
        assertThat(points.get(2).ledgerCostPct()).isCloseTo(75, within(1e-9));
        assertThat(points.get(2).strongSharePct()).isEqualTo(50);
        assertThat(points.get(0).ledgerDiffers()).isFalse();
        assertThat(points.get(2).ledgerDiffers()).isTrue();
    }

    @Test
    void needsAnAlwaysStrongRunToCompareWith() {
        RunMeasurement weak = run("always-weak", "w", List.of(ok("1", "w")), 0.1);

        assertThatThrownBy(() -> Grading.points(DATASET, List.of(weak), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static ReplayItem item(String id, double strong, double weak) {
        return new ReplayItem(id, "prompt " + id, Map.of("s", ModelAnswer.of("s" + id, strong),
                "w", ModelAnswer.of("w" + id, weak)));
    }

    private static ChatOutcome ok(String item, String model) {
        return new ChatOutcome(item, 200, model, 1, "answer", false);
    }

    private static RunMeasurement run(String policy, String route, List<ChatOutcome> outcomes, double cost) {
        return new RunMeasurement(new PolicySetting(policy, "x", "fallback", JsonLines.MAPPER.createObjectNode()),
                route, outcomes, cost, 0);
    }
}
