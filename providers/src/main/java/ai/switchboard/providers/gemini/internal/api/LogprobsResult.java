package ai.switchboard.providers.gemini.internal.api;

import java.util.List;

/** Log probabilities: {@code chosenCandidates[i]} is the sampled token at step i, {@code topCandidates[i]} the best. */
public record LogprobsResult(List<TopCandidates> topCandidates, List<LogprobsCandidate> chosenCandidates) {

    public LogprobsResult {
        topCandidates = topCandidates == null ? List.of() : List.copyOf(topCandidates);
        chosenCandidates = chosenCandidates == null ? List.of() : List.copyOf(chosenCandidates);
    }
}
