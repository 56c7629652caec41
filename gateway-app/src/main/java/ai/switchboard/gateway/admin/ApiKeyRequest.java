package ai.switchboard.gateway.admin;

import ai.switchboard.registry.key.ApiKeyCreateCommand;
import ai.switchboard.registry.key.ApiKeyUpdateCommand;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST} and {@code PATCH /admin/v1/keys}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ApiKeyRequest(String name, List<String> scopes, List<String> allowedModels, Instant expiresAt, String team) {

    ApiKeyCreateCommand toCreate() {
        return new ApiKeyCreateCommand(name, scopes, allowedModels, expiresAt, team);
    }

    /** @param clear the optional fields the PATCH sent as {@code null} */
    ApiKeyUpdateCommand toUpdate(Set<String> clear) {
        return new ApiKeyUpdateCommand(name, scopes, allowedModels, expiresAt, team, clear);
    }
}
