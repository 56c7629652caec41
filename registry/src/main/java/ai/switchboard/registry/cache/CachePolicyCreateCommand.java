package ai.switchboard.registry.cache;

/**
 * A new cache policy. {@code targetType} is {@code key}, {@code model} or {@code route}; {@code target} names it (or
 * gives its id; a key by the name of its live key). Every other field may be left out for its default.
 */
public record CachePolicyCreateCommand(String targetType, String target, Boolean enabled, Integer ttlSeconds,
        Integer maxEntryBytes, Boolean sharedAcrossTeams, Boolean deterministicOnly) {
}
