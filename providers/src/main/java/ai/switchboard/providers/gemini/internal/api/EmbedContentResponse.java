package ai.switchboard.providers.gemini.internal.api;

/** The answer of {@code :embedContent}. */
public record EmbedContentResponse(ContentEmbedding embedding) {
}
