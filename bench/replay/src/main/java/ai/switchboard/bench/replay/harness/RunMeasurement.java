package ai.switchboard.bench.replay.harness;

import java.util.List;

/**
 * One setting's run over one dataset.
 *
 * @param setting the policy setting
 * @param route the gateway route it ran as
 * @param outcomes one per dataset item, in item order
 * @param perCallCostUsd what the replay provider served during the run, every call priced at its own model's price
 * @param replayMisses prompts the replay provider had no recording for during the run (must be 0)
 */
public record RunMeasurement(PolicySetting setting, String route, List<ChatOutcome> outcomes, double perCallCostUsd,
        long replayMisses) {

    public RunMeasurement {
        outcomes = List.copyOf(outcomes);
    }

    public long errors() {
        return outcomes.stream().filter(outcome -> !outcome.succeeded()).count();
    }
}
