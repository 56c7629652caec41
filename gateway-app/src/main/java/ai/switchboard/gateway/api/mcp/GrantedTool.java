package ai.switchboard.gateway.api.mcp;

import ai.switchboard.registry.ToolConfig;
import ai.switchboard.tools.mcp.McpTool;

/** A tool a key may call through {@code /mcp}: a tool instance, or a tool of an upstream MCP server. */
sealed interface GrantedTool {

    /** The name clients call it by. */
    String name();

    /** The MCP server offering it, or {@code null} for a tool instance. */
    String server();

    record Instance(ToolConfig config) implements GrantedTool {

        @Override
        public String name() {
            return config.name();
        }

        @Override
        public String server() {
            return null;
        }
    }

    record Upstream(McpTool tool) implements GrantedTool {

        @Override
        public String name() {
            return tool.spec().name();
        }

        @Override
        public String server() {
            return tool.serverName();
        }
    }
}
