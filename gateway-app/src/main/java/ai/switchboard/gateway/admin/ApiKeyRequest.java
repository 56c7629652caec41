package ai.switchboard.gateway.admin;

import ai.switchboard.registry.key.ApiKeyCreateCommand;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /admin/v1/keys}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ApiKeyRequest(String name, List<String> scopes, List<String> allowedModels, Instant expiresAt) {

    ApiKeyCreateCommand toCreate() {
        return new ApiKeyCreateCommand(name, scopes, allowedModels, expiresAt);
    }
}
