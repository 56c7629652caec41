package ai.switchboard.gateway.admin;

import ai.switchboard.registry.mcp.McpServerCommand;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST} and {@code PATCH /admin/v1/mcp-servers}; {@code headers}, {@code bearer_token} and
 * {@code env} are plaintext secrets. {@link #toString()} leaves them out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record McpServerRequest(String name, String transport, String url, Map<String, String> headers, String bearerToken,
        String command, List<String> args, Map<String, String> env, Integer connectTimeoutMs, Integer callTimeoutMs,
        Boolean enabled) {

    /** @param clear the optional fields the PATCH sent as {@code null} */
    McpServerCommand toCommand(Set<String> clear) {
        return new McpServerCommand(name, transport, url, headers, bearerToken, command, args, env, connectTimeoutMs,
                callTimeoutMs, enabled, clear);
    }

    @Override
    public String toString() {
        return "McpServerRequest[name=" + name + ", transport=" + transport + ", url=" + url + "]";
    }
}
