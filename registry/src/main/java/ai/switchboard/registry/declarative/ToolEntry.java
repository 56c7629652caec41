package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tool in the declarative file, shaped like the admin API's tool. Secrets are named, never given: {@code config}
 * holds no secret field, and {@code secrets_env} mirrors the secret fields with the names of the environment
 * variables that hold their values (e.g. {@code {password: REPORTING_DB_PASSWORD}} or
 * {@code {secret_headers: {Authorization: CRM_AUTHORIZATION}}}). Absent fields keep their value; {@code config},
 * when given, replaces the stored one except for its secrets, which are kept unless {@code secrets_env} names them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolEntry(
        String name,
        String type,
        String description,
        JsonNode config,
        JsonNode secretsEnv) {

    static final Set<String> FIELDS = Set.of("name", "type", "description", "config", "secrets_env");

    /** Spellings of inline secrets next to the configuration, refused with a pointer to {@code secrets_env}. */
    static final Set<String> INLINE_SECRETS = Set.of("secrets", "password", "secret", "token", "api_key",
            "credentials");
}
