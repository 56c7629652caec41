package ai.switchboard.registry.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An MCP server as the admin API shows it: never a secret value, only which secrets are set.
 *
 * @param headers the names of the configured headers, each value shown as {@code ********}; {@code null} when the
 *     secrets cannot be decrypted
 * @param bearerToken {@code ********} when a token is set, else {@code null}
 * @param env the names of the stdio program's environment variables, each value shown as {@code ********}
 * @param status {@code ok}, or {@code credential_error} when the stored secrets cannot be decrypted with this
 *     master key (the server is then not contacted)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record McpServerView(
        UUID id,
        String name,
        String transport,
        String url,
        Map<String, String> headers,
        String bearerToken,
        String command,
        List<String> args,
        Map<String, String> env,
        int connectTimeoutMs,
        int callTimeoutMs,
        boolean enabled,
        String status,
        long revision,
        Instant createdAt,
        Instant updatedAt) {
}
