package ai.switchboard.bench.replay.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.switchboard.bench.replay.record.ModelAnswer;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceLinesTests {

    // $1 per prompt token, nothing for completions: an answer's cost is its recorded prompt tokens.
    private static final PriceTable PRICES = new PriceTable(Map.of(
            "s", new Price(1_000_000, 0, "test"), "w", new Price(1_000_000, 0, "test")));

    @Test
    void randomRunsFromAlwaysWeakToAlwaysStrongAndPerfectBuysTheCheapestGainsFirst() {
        ReplayDataset dataset = new ReplayDataset("toy", "s", "w", List.of(
                item("both right", 10, 1, 1, 1),
                item("only strong, dear", 10, 1, 1, 0),
                item("only strong, cheap", 4, 1, 1, 0),
                item("neither", 10, 1, 0, 0),
                item("only weak", 10, 1, 0, 1)), 1);

        ReferenceLines lines = ReferenceLines.of(dataset, PRICES);

        // strong: cost 44, score 3; weak: cost 5, score 2
        assertThat(lines.random().get(0).costPct()).isCloseTo(500.0 / 44, within(1e-9));
        assertThat(lines.random().get(0).accuracyPct()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(lines.random().get(1)).isEqualTo(new CurvePoint(100, 100));
        // start all weak (5, 2); +3 for "only strong, cheap"; +9 for "only strong, dear": (17, 4)
        assertThat(lines.perfect()).hasSize(3);
        assertThat(lines.perfect().get(1).costPct()).isCloseTo(800.0 / 44, within(1e-9));
        assertThat(lines.perfectRouter().costPct()).isCloseTo(1700.0 / 44, within(1e-9));
        assertThat(lines.perfectRouter().accuracyPct()).isCloseTo(400.0 / 3, within(1e-9));
    }

    @Test
    void startsFromTheCheaperModelOfEachPromptEvenWhenThatIsTheStrongOne() {
        ReplayDataset dataset = new ReplayDataset("toy", "s", "w", List.of(
                item("strong cheaper and right", 1, 3, 1, 0),
                item("strong cheaper, weak right", 2, 5, 0, 1)), 1);

        ReferenceLines lines = ReferenceLines.of(dataset, PRICES);

        // start: strong for both (3, 1); switching the second to weak costs 3 more and gains 1: (6, 2)
        assertThat(lines.perfect().get(0)).isEqualTo(new CurvePoint(100, 100));
        assertThat(lines.perfectRouter().costPct()).isCloseTo(200, within(1e-9));
        assertThat(lines.perfectRouter().accuracyPct()).isCloseTo(200, within(1e-9));
    }

    @Test
    void readsTheRandomRouterAtAnyCostClampedToItsEnds() {
        ReferenceLines lines = new ReferenceLines(List.of(new CurvePoint(10, 70), new CurvePoint(100, 100)),
                List.of(new CurvePoint(10, 70)));
        ReferenceLines inverted = new ReferenceLines(List.of(new CurvePoint(400, 80), new CurvePoint(100, 100)),
                List.of(new CurvePoint(100, 100)));

        assertThat(lines.randomAccuracyAt(55)).isCloseTo(85, within(1e-9));
        assertThat(lines.randomAccuracyAt(5)).isEqualTo(70);
        assertThat(lines.randomAccuracyAt(140)).isEqualTo(100);
        // Where the weak model is the dearer one, spending more than the strong model never buys accuracy.
        assertThat(inverted.randomAccuracyAt(250)).isCloseTo(90, within(1e-9));
        assertThat(inverted.randomAccuracyAt(50)).isEqualTo(100);
        assertThat(inverted.randomAccuracyAt(500)).isEqualTo(100);
    }

    private static ReplayItem item(String id, int strongTokens, int weakTokens, double strong, double weak) {
        return new ReplayItem(id, id, Map.of(
                "s", new ModelAnswer("s", strong, strongTokens, 0, false),
                "w", new ModelAnswer("w", weak, weakTokens, 0, false)));
    }
}
