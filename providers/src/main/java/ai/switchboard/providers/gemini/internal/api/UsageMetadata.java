package ai.switchboard.providers.gemini.internal.api;

/**
 * Token counts. {@code candidatesTokenCount} excludes thoughts; {@code cachedContentTokenCount} is part of
 * {@code promptTokenCount}; {@code toolUsePromptTokenCount} is reported beside it.
 */
public record UsageMetadata(
        Integer promptTokenCount,
        Integer candidatesTokenCount,
        Integer toolUsePromptTokenCount,
        Integer thoughtsTokenCount,
        Integer cachedContentTokenCount,
        Integer totalTokenCount) {
}
