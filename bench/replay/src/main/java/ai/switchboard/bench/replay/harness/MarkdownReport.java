package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.record.ReplayDataset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as Markdown: per dataset, one row per setting plus the reference lines. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(List<ReplayDataset> datasets, Map<String, ReferenceLines> lines,
            Map<String, List<PolicyPoint>> points) {
        StringBuilder out = new StringBuilder();
        out.append("| dataset | policy | setting | accuracy % of strong | vs random, points | cost % of strong (per"
                + " call) | cost % of strong (ledger) | to strong % | requests | errors |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ReplayDataset dataset : datasets) {
            ReferenceLines reference = lines.get(dataset.name());
            for (PolicyPoint point : points.getOrDefault(dataset.name(), List.of())) {
                double versusRandom = point.accuracyPct() - reference.randomAccuracyAt(point.perCallCostPct());
                out.append(row(dataset.name(), point.policy(), point.setting(), pct(point.accuracyPct()),
                        point.policy().startsWith("always-") ? "" : signed(versusRandom), pct(point.perCallCostPct()),
                        pct(point.ledgerCostPct()) + (point.ledgerDiffers() ? " ⚠" : ""),
                        pct(point.strongSharePct()), Integer.toString(point.requests()),
                        Long.toString(point.errors())));
            }
            CurvePoint perfect = reference.perfectRouter();
            CurvePoint weak = reference.random().get(0);
            out.append(row(dataset.name(), "*perfect router*", "oracle", pct(perfect.accuracyPct()), "",
                    pct(perfect.costPct()), "", "", "", ""));
            out.append(row(dataset.name(), "*random router*", "weak→strong", pct(weak.accuracyPct()) + " → 100.0",
                    "", pct(weak.costPct()) + " → 100.0", "", "", "", ""));
        }
        out.append('\n');
        for (ReplayDataset dataset : datasets) {
            List<PolicyPoint> rows = points.getOrDefault(dataset.name(), List.of());
            PolicyPoint strong = rows.stream().filter(point -> point.policy().equals("always-strong")).findFirst()
                    .orElse(null);
            out.append("- ").append(dataset.name()).append(": ").append(dataset.items().size())
                    .append(" prompts; strong ").append(dataset.strongModel()).append(", weak ")
                    .append(dataset.weakModel());
            if (strong != null) {
                out.append(String.format(Locale.ROOT, "; strong mean score %.3f of %s, strong cost $%.4f (ledger)"
                        + " / $%.4f (per call)", strong.meanScore(), fmt(dataset.maxScore()), strong.ledgerCostUsd(),
                        strong.perCallCostUsd()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%+.1f", value);
    }

    static String pct(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
