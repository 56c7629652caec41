package ai.switchboard.providers.gemini.internal.api;

import java.util.List;

/** The most likely tokens of one decoding step, in descending probability. */
public record TopCandidates(List<LogprobsCandidate> candidates) {

    public TopCandidates {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
