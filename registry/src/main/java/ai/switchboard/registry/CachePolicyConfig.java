package ai.switchboard.registry;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * A response-cache policy as the request path sees it: on one key, model or route (by id).
 *
 * @param enabled whether requests it covers are cached; a disabled policy vetoes the others that cover a request
 * @param ttl how long an entry is served after it was stored
 * @param maxEntryBytes the largest answer stored, in bytes of its JSON
 * @param sharedAcrossTeams whether every team reads the same entries (a route only); otherwise each team its own
 * @param deterministicOnly whether only requests with temperature 0 or a seed are cached
 * @param semantic how requests are also matched by meaning, or {@code null} for the exact cache only
 */
public record CachePolicyConfig(UUID id, CacheTarget target, UUID targetId, boolean enabled, Duration ttl,
        int maxEntryBytes, boolean sharedAcrossTeams, boolean deterministicOnly, SemanticCacheConfig semantic) {

    public CachePolicyConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(ttl, "ttl");
        if (sharedAcrossTeams && target != CacheTarget.ROUTE) {
            throw new IllegalArgumentException("only a route's cache can be shared across teams");
        }
        if (semantic != null && target == CacheTarget.KEY) {
            throw new IllegalArgumentException("a semantic cache is a route's or a model's");
        }
    }
}
