package ai.switchboard.providers.gemini.internal.api;

/** One token and its log probability. */
public record LogprobsCandidate(String token, Double logProbability) {
}
