package ai.switchboard.registry.key;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A key as the admin API shows it: the visible prefix only, never the key or its hash.
 *
 * @param previousKeyExpiresAt until when the secret from before the last rotation still works, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyView(
        UUID id,
        String name,
        String prefix,
        List<String> scopes,
        List<String> allowedModels,
        Instant expiresAt,
        boolean revoked,
        Instant revokedAt,
        Instant createdAt,
        Instant lastUsedAt,
        String team,
        Instant rotatedAt,
        Instant previousKeyExpiresAt) {

    /** @param team the key's team's name, or {@code null} */
    static ApiKeyView of(ApiKeyEntity k, String team) {
        return new ApiKeyView(k.getId(), k.getName(), k.getPrefix(), List.copyOf(k.getScopes()),
                List.copyOf(k.getAllowedModels()), k.getExpiresAt(), k.isRevoked(), k.getRevokedAt(),
                k.getCreatedAt(), k.getLastUsedAt(), team, k.getRotatedAt(), k.getPreviousHashExpiresAt());
    }
}
