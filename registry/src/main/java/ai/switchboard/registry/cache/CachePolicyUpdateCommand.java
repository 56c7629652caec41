package ai.switchboard.registry.cache;

/** A change to a cache policy's settings ({@code null} keeps a setting); its target cannot change. */
public record CachePolicyUpdateCommand(Boolean enabled, Integer ttlSeconds, Integer maxEntryBytes,
        Boolean sharedAcrossTeams, Boolean deterministicOnly) {
}
