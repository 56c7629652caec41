package ai.switchboard.providers.testsupport.kit;

/**
 * Token counts with OpenAI's semantics: {@code cachedTokens} is a subset of {@code promptTokens}. A fixture converts
 * them to its provider's semantics (Anthropic reports cache reads beside, not inside, {@code input_tokens}) and the
 * adapter must convert them back.
 */
public record UpstreamUsage(int promptTokens, int completionTokens, int cachedTokens) {

    public UpstreamUsage {
        if (cachedTokens > promptTokens) {
            throw new IllegalArgumentException("cached tokens are a subset of prompt tokens");
        }
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** Prompt tokens that were not served from a cache. */
    public int uncachedPromptTokens() {
        return promptTokens - cachedTokens;
    }
}
