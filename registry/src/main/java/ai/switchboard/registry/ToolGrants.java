package ai.switchboard.registry;

import ai.switchboard.registry.mcp.McpToolNames;
import java.util.Set;

/**
 * How a key's allow-list grants tools to MCP clients: {@code tool:<name>} one tool (a tool instance, or an MCP
 * server's tool as {@code <server>__<tool>}), {@code mcp:<server>} every tool of that server. Tools run with the
 * gateway's own reach, so, as for agents, {@value ApiKeyRecord#ALL_MODELS} grants none of them.
 */
public final class ToolGrants {

    public static final String TOOL_PREFIX = "tool:";
    public static final String SERVER_PREFIX = "mcp:";

    private ToolGrants() {
    }

    /** Whether an allow-list entry grants tools rather than models. */
    public static boolean isToolGrant(String entry) {
        return entry != null && (entry.startsWith(TOOL_PREFIX) || entry.startsWith(SERVER_PREFIX));
    }

    /**
     * Whether {@code allowed} lets its holder call the tool exposed as {@code toolName}.
     *
     * @param server the MCP server offering it, or {@code null} for a tool instance (which a server grant never
     *     covers, whatever its name)
     */
    public static boolean allows(Set<String> allowed, String toolName, String server) {
        return allowed.contains(TOOL_PREFIX + toolName) || (server != null && allowed.contains(SERVER_PREFIX + server));
    }

    /** Whether a grantor holding {@code allowed} holds the tool grant {@code entry} itself, so may pass it on. */
    public static boolean covers(Set<String> allowed, String entry) {
        if (allowed.contains(entry)) {
            return true;
        }
        if (!entry.startsWith(TOOL_PREFIX)) {
            return false;
        }
        String server = McpToolNames.serverOf(entry.substring(TOOL_PREFIX.length()));
        return server != null && allowed.contains(SERVER_PREFIX + server);
    }
}
