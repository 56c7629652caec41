package ai.switchboard.registry.cache;

/**
 * A new cache policy. {@code targetType} is {@code key}, {@code model} or {@code route}; {@code target} names it (or
 * gives its id; a key by the name of its live key). Every other field may be left out for its default. {@code mode}
 * {@code semantic} (a route's or model's only) needs {@code embeddingModel}, the name of an embeddings model.
 */
public record CachePolicyCreateCommand(String targetType, String target, Boolean enabled, Integer ttlSeconds,
        Integer maxEntryBytes, Boolean sharedAcrossTeams, Boolean deterministicOnly, String mode,
        String embeddingModel, Double similarityThreshold, Integer contextTurns) {
}
