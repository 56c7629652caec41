package ai.switchboard.registry;

import java.util.Objects;

/**
 * How a route's or model's cache policy also matches requests by meaning.
 *
 * @param embeddingModel the name of the registry's embeddings model that embeds requests
 * @param threshold the least cosine similarity between two requests' embeddings for one's answer to serve the other
 * @param contextTurns the earlier messages embedded with the last user message; a request with more is not looked up
 *     by meaning (agent traffic, long conversations)
 */
public record SemanticCacheConfig(String embeddingModel, double threshold, int contextTurns) {

    public SemanticCacheConfig {
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        if (!(threshold > 0 && threshold <= 1) || contextTurns < 0) {
            throw new IllegalArgumentException("threshold must be in (0, 1] and contextTurns not negative");
        }
    }
}
