package ai.switchboard.registry.cache;

/** A change to a cache policy's settings ({@code null} keeps a setting); its target cannot change. */
public record CachePolicyUpdateCommand(Boolean enabled, Integer ttlSeconds, Integer maxEntryBytes,
        Boolean sharedAcrossTeams, Boolean deterministicOnly, String mode, String embeddingModel,
        Double similarityThreshold, Integer contextTurns) {

    /** Whether it changes nothing. */
    public boolean isEmpty() {
        return enabled == null && ttlSeconds == null && maxEntryBytes == null && sharedAcrossTeams == null
                && deterministicOnly == null && mode == null && embeddingModel == null && similarityThreshold == null
                && contextTurns == null;
    }
}
