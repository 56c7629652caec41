package ai.switchboard.gateway.mcp;

import ai.switchboard.registry.McpServerDefinition;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.mcp.McpToolNames;
import ai.switchboard.tools.mcp.McpClientManager;
import ai.switchboard.tools.mcp.McpServerConnection;
import ai.switchboard.tools.mcp.McpTool;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a grant of MCP tools names now: {@code <server>__<tool>} one tool, {@code <server>__*} every tool the server
 * offers. Read on the request path against the request's snapshot, so a server that was disabled or deleted grants
 * nothing at once, whatever its connection is still doing; lock-free and non-blocking.
 */
@Component
public class McpToolGrants {

    private final McpClientManager mcp;

    public McpToolGrants(McpClientManager mcp) {
        this.mcp = mcp;
    }

    /** The tools {@code grant} names that can be called now, in the server's order; empty for anything else. */
    public List<McpTool> tools(String grant, RegistrySnapshot snapshot) {
        String server = McpToolNames.serverOf(grant);
        if (server == null || !usable(server, snapshot)) {
            return List.of();
        }
        if (grant.equals(server + McpToolNames.SEPARATOR + McpToolNames.WHOLE_SERVER)) {
            return mcp.connection(server).map(McpServerConnection::tools).map(List::copyOf).orElse(List.of());
        }
        return mcp.tool(grant).map(List::of).orElse(List.of());
    }

    /** Every tool of every usable server, by server name. */
    public List<McpTool> all(RegistrySnapshot snapshot) {
        return mcp.tools().stream().filter(tool -> usable(tool.serverName(), snapshot)).toList();
    }

    /** The tool exposed as {@code name}, if its server is usable in {@code snapshot} and offers it now. */
    public McpTool tool(String name, RegistrySnapshot snapshot) {
        String server = McpToolNames.serverOf(name);
        return server == null || !usable(server, snapshot) ? null : mcp.tool(name).orElse(null);
    }

    private static boolean usable(String server, RegistrySnapshot snapshot) {
        McpServerDefinition definition = snapshot.mcpServer(server);
        return definition != null && definition.usable();
    }
}
