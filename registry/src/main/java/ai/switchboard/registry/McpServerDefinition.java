package ai.switchboard.registry;

import ai.switchboard.registry.mcp.McpServerSecretValues;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An upstream MCP server as the gateway sees it. Its secrets are decrypted once, when the snapshot is built;
 * {@link #toString()} leaves them out.
 *
 * @param transport {@code streamable_http} or {@code stdio}
 * @param secrets headers, bearer token and environment in plaintext (none when they cannot be decrypted)
 * @param status {@code CREDENTIAL_ERROR} when the stored secrets cannot be decrypted: the server must not be
 *     contacted then
 */
public record McpServerDefinition(UUID id, String name, String transport, String url, String command,
        List<String> args, Duration connectTimeout, Duration callTimeout, boolean enabled,
        McpServerSecretValues secrets, long revision, ProviderStatus status) {

    public McpServerDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        args = args == null ? List.of() : List.copyOf(args);
        secrets = secrets == null ? McpServerSecretValues.NONE : secrets;
        Objects.requireNonNull(status, "status");
    }

    /** Whether the gateway may connect: enabled, and its secrets were decrypted. */
    public boolean usable() {
        return enabled && status == ProviderStatus.OK;
    }

    @Override
    public String toString() {
        return "McpServerDefinition[name=" + name + ", transport=" + transport + ", url=" + url + ", command="
                + command + ", secrets=" + secrets + ", enabled=" + enabled + ", status=" + status.wire() + "]";
    }
}
