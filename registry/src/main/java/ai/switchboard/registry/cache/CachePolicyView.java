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
 * @param mode {@code exact}, or {@code semantic} (exact first, then by meaning)
 * @param embeddingModel the embeddings model of a semantic policy, or {@code null}
 * @param similarityThreshold the least cosine similarity of a semantic hit
 * @param contextTurns the earlier messages embedded with the last user message; longer conversations are not
 *     looked up by meaning
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
        String mode,
        String embeddingModel,
        double similarityThreshold,
        int contextTurns,
        Instant createdAt,
        Instant updatedAt) {
}
