package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An MCP server in the declarative file, shaped like the admin API's. Secrets are named, never given:
 * {@code secrets_env} holds the names of the environment variables with their values, as
 * {@code {bearer_token: GITHUB_MCP_TOKEN, headers: {X-Tenant: TENANT}, env: {API_KEY: FILES_API_KEY}}}. Absent
 * fields keep their value; a secret {@code secrets_env} leaves out is kept.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerEntry(
        String name,
        String transport,
        String url,
        String command,
        List<String> args,
        Integer connectTimeoutMs,
        Integer callTimeoutMs,
        Boolean enabled,
        JsonNode secretsEnv) {

    static final Set<String> FIELDS = Set.of("name", "transport", "url", "command", "args", "connect_timeout_ms",
            "call_timeout_ms", "enabled", "secrets_env");

    /** Spellings of inline secrets, refused with a pointer to {@code secrets_env}. */
    static final Set<String> INLINE_SECRETS = Set.of("headers", "bearer_token", "env", "token", "secrets",
            "api_key", "password");
}
