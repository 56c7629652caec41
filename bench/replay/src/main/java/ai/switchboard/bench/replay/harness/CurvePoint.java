package ai.switchboard.bench.replay.harness;

/**
 * A point of a cost-quality curve, both relative to the strong model.
 *
 * @param costPct cost as a percentage of the strong model's
 * @param accuracyPct mean score as a percentage of the strong model's
 */
public record CurvePoint(double costPct, double accuracyPct) {
}
