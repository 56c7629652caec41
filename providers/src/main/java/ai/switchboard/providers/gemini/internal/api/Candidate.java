package ai.switchboard.providers.gemini.internal.api;

/** One candidate answer; {@code finishReason} is set on the last stream event of the candidate only. */
public record Candidate(Content content, String finishReason, Integer index, LogprobsResult logprobsResult) {
}
