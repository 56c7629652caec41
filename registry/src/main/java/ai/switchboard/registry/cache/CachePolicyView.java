package ai.switchboard.registry.cache;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A cache policy as the admin API shows it (snake_case JSON).
 *
 * @param targetType {@code key}, {@code model} or {@code route}
 * @param target the target's name
 * @param targetId the target's id
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CachePolicyView(
        UUID id,
        String targetType,
        String target,
        UUID targetId,
        boolean enabled,
        int ttlSeconds,
        int maxEntryBytes,
        boolean sharedAcrossTeams,
        boolean deterministicOnly,
        Instant createdAt,
        Instant updatedAt) {
}
