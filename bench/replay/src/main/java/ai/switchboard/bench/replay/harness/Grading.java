package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.record.ModelAnswer;
import ai.switchboard.bench.replay.record.ReplayDataset;
import ai.switchboard.bench.replay.record.ReplayItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades answers by the recording: an answer is worth the score its model's recorded answer to that prompt got,
 * found by {@code x-switchboard-model}. The text is not re-graded: the replay returned the recorded text, and MMLU's
 * synthesised text carries the recorded grade only. A failed request, or one answered by a model that was never
 * recorded for the dataset, scores 0.
 */
public final class Grading {

    private Grading() {
    }

    /** The points of every run, relative to the run of the {@code always-strong} setting. */
    public static List<PolicyPoint> points(ReplayDataset dataset, List<RunMeasurement> runs,
            Map<String, UsageRow> ledger) {
        RunMeasurement strong = runs.stream().filter(run -> run.setting().policy().equals("always-strong"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no always-strong run"));
        double strongScore = meanScore(dataset, strong.outcomes());
        double strongLedger = ledgerCost(ledger, strong.route());
        List<PolicyPoint> points = new ArrayList<>(runs.size());
        for (RunMeasurement run : runs) {
            double score = meanScore(dataset, run.outcomes());
            double ledgerCost = ledgerCost(ledger, run.route());
            points.add(new PolicyPoint(dataset.name(), run.setting().policy(), run.setting().setting(),
                    run.outcomes().size(), run.errors(), score, percent(score, strongScore), ledgerCost,
                    percent(ledgerCost, strongLedger), run.perCallCostUsd(),
                    percent(run.perCallCostUsd(), strong.perCallCostUsd()),
                    strongSharePct(dataset, run.outcomes())));
        }
        return points;
    }

    /** The mean recorded score of the answers, failures counted as 0, over all outcomes. */
    public static double meanScore(ReplayDataset dataset, List<ChatOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        Map<String, ReplayItem> items = byId(dataset);
        double total = 0;
        for (ChatOutcome outcome : outcomes) {
            ReplayItem item = items.get(outcome.itemId());
            if (item == null) {
                throw new IllegalArgumentException("outcome for unknown item " + outcome.itemId());
            }
            ModelAnswer answer = outcome.succeeded() ? item.answers().get(outcome.servedModel()) : null;
            total += answer == null ? 0 : answer.score();
        }
        return total / outcomes.size();
    }

    /** The percentage of outcomes answered by the dataset's strong model. */
    public static double strongSharePct(ReplayDataset dataset, List<ChatOutcome> outcomes) {
        long strong = outcomes.stream().filter(outcome -> outcome.succeeded()
                && dataset.strongModel().equals(outcome.servedModel())).count();
        return outcomes.isEmpty() ? 0 : 100.0 * strong / outcomes.size();
    }

    static double percent(double value, double reference) {
        return reference == 0 ? Double.NaN : 100 * value / reference;
    }

    private static double ledgerCost(Map<String, UsageRow> ledger, String route) {
        UsageRow row = ledger.get(route);
        return row == null ? 0 : row.costUsd();
    }

    private static Map<String, ReplayItem> byId(ReplayDataset dataset) {
        return dataset.items().stream().collect(Collectors.toMap(ReplayItem::id, Function.identity()));
    }
}
