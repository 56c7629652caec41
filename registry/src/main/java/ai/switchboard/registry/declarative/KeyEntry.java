package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A virtual key's metadata in the declarative file. A plaintext key can never be declared. With {@code key_hash_env}
 * (an environment variable holding the key's SHA-256 in hex) the key is created if missing; without it, the file
 * manages a live key of that name issued through the admin API.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyEntry(
        String name,
        List<String> scopes,
        List<String> allowedModels,
        Instant expiresAt,
        String keyHashEnv,
        String team) {

    static final Set<String> FIELDS =
            Set.of("name", "scopes", "allowed_models", "expires_at", "key_hash_env", "team");

    static final Set<String> INLINE_SECRETS = Set.of("key", "api_key", "plaintext", "secret", "key_hash", "hash");
}
