package ai.switchboard.providers.gemini.internal.api;

import java.util.List;

/** The answer of {@code :batchEmbedContents}: one vector per request item, in order. */
public record BatchEmbedContentsResponse(List<ContentEmbedding> embeddings) {

    public BatchEmbedContentsResponse {
        embeddings = embeddings == null ? List.of() : List.copyOf(embeddings);
    }
}
