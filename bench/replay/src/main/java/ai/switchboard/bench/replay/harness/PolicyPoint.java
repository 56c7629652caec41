package ai.switchboard.bench.replay.harness;

/**
 * One setting's result on one dataset, relative to always sending everything to the strong model.
 *
 * @param dataset the dataset's name
 * @param policy the policy family
 * @param setting the setting
 * @param requests prompts sent
 * @param errors prompts that got no graded answer (counted as wrong)
 * @param meanScore the mean recorded score of the answers returned
 * @param accuracyPct {@code meanScore} as a percentage of the strong model's
 * @param ledgerCostUsd the gateway's usage ledger for the route
 * @param ledgerCostPct {@code ledgerCostUsd} as a percentage of the always-strong route's
 * @param perCallCostUsd the replay provider's calls, each priced at its own model's price
 * @param perCallCostPct {@code perCallCostUsd} as a percentage of the always-strong route's
 * @param strongSharePct the percentage of answers that came from the strong model
 */
public record PolicyPoint(String dataset, String policy, String setting, int requests, long errors, double meanScore,
        double accuracyPct, double ledgerCostUsd, double ledgerCostPct, double perCallCostUsd, double perCallCostPct,
        double strongSharePct) {

    /** The ledger and the per-call pricing disagree by more than a rounding error. */
    public boolean ledgerDiffers() {
        return Math.abs(ledgerCostUsd - perCallCostUsd) > Math.max(1e-6, 0.005 * perCallCostUsd);
    }
}
