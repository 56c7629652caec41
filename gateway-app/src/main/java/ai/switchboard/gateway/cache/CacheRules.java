package ai.switchboard.gateway.cache;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.CachePolicyConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.routing.Target;
import java.time.Duration;

/**
 * How one request is cached, from the policies that cover it: its key's, and its route's or model's. A request is
 * cached when at least one covers it and none is disabled (a disabled policy is an explicit opt-out), under the
 * strictest of their settings: the shortest TTL, the smallest entry, deterministic requests only if either says so.
 * Sharing across teams is the route's alone to grant.
 */
record CacheRules(Duration ttl, int maxEntryBytes, boolean shared, boolean deterministicOnly) {

    /** The rules for a request, or {@code null} when it is not cached. */
    static CacheRules of(RegistrySnapshot snapshot, ApiKeyRecord key, Target target) {
        CachePolicyConfig onKey = snapshot.cachePolicy(key.id());
        CachePolicyConfig onTarget = snapshot.cachePolicy(switch (target) {
            case Target.Route route -> route.route().id();
            case Target.Model model -> model.deployment().model().id();
        });
        if (onKey == null && onTarget == null
                || onKey != null && !onKey.enabled() || onTarget != null && !onTarget.enabled()) {
            return null;
        }
        if (onKey == null || onTarget == null) {
            CachePolicyConfig only = onKey != null ? onKey : onTarget;
            return new CacheRules(only.ttl(), only.maxEntryBytes(), only.sharedAcrossTeams(),
                    only.deterministicOnly());
        }
        return new CacheRules(onKey.ttl().compareTo(onTarget.ttl()) <= 0 ? onKey.ttl() : onTarget.ttl(),
                Math.min(onKey.maxEntryBytes(), onTarget.maxEntryBytes()), onTarget.sharedAcrossTeams(),
                onKey.deterministicOnly() || onTarget.deterministicOnly());
    }
}
