package ai.switchboard.providers.gemini.internal.api;

/** Set when the prompt itself was blocked; the response then has no candidates. */
public record PromptFeedback(String blockReason) {
}
