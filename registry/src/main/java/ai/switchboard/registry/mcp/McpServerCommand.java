package ai.switchboard.registry.mcp;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new MCP server, or a change to one ({@code null} fields keep their value). {@code headers} and {@code env}, when
 * given, replace the stored ones as a whole; the secrets given here are plaintext and never shown again.
 *
 * @param transport {@code streamable_http} or {@code stdio}
 * @param clear optional fields a change removes ({@link McpServerAdminService#CLEARABLE})
 */
public record McpServerCommand(String name, String transport, String url, Map<String, String> headers,
        String bearerToken, String command, List<String> args, Map<String, String> env, Integer connectTimeoutMs,
        Integer callTimeoutMs, Boolean enabled, Set<String> clear) {

    public McpServerCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }

    @Override
    public String toString() {
        return "McpServerCommand[name=" + name + ", transport=" + transport + ", url=" + url + "]";
    }
}
