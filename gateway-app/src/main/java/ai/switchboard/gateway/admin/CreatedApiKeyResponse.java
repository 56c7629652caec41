package ai.switchboard.gateway.admin;

import ai.switchboard.registry.key.ApiKeyCreated;
import ai.switchboard.registry.key.ApiKeyView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer to {@code POST /admin/v1/keys}: the key's view plus, this once only, the key itself. */
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
        Instant createdAt) {

    static CreatedApiKeyResponse of(ApiKeyCreated created) {
        ApiKeyView view = created.key();
        return new CreatedApiKeyResponse(view.id(), view.name(), created.plaintext(), view.prefix(), view.scopes(),
                view.allowedModels(), view.expiresAt(), view.revoked(), view.createdAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyResponse[id=" + id + ", prefix=" + prefix + "]";
    }
}
