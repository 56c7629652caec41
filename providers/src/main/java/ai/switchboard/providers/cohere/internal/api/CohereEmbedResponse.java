package ai.switchboard.providers.cohere.internal.api;

/** The answer of {@code /v2/embed} ({@code response_type: embeddings_by_type}). */
public record CohereEmbedResponse(String id, CohereEmbeddings embeddings, CohereEmbedMeta meta) {
}
