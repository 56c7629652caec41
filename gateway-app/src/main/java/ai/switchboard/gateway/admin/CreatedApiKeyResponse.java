package ai.switchboard.gateway.admin;

import ai.switchboard.registry.key.ApiKeyCreated;
import ai.switchboard.registry.key.ApiKeyView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code POST /admin/v1/keys} and to a rotation: the key's view plus, this once only, the key itself
 * ({@code previous_key_expires_at}: until when the secret it replaced still works, after a rotation).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record CreatedApiKeyResponse(
        UUID id,
        String name,
        String key,
        String prefix,
        List<String> scopes,
        List<String> allowedModels,
        Instant expiresAt,
        boolean revoked,
        Instant createdAt,
        String team,
        Instant previousKeyExpiresAt) {

    static CreatedApiKeyResponse of(ApiKeyCreated created) {
        ApiKeyView view = created.key();
        return new CreatedApiKeyResponse(view.id(), view.name(), created.plaintext(), view.prefix(), view.scopes(),
                view.allowedModels(), view.expiresAt(), view.revoked(), view.createdAt(), view.team(),
                view.previousKeyExpiresAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyResponse[id=" + id + ", prefix=" + prefix + "]";
    }
}
