package ai.switchboard.observability.usage;

import java.util.Objects;

/**
 * Which tool an {@code execute_tool} row metered: a tool instance ({@code server} null) or an MCP server's tool.
 *
 * @param server the MCP server's name, or {@code null} for a tool instance
 * @param name the tool's name as clients see it
 */
public record ToolUsage(String server, String name) {

    public ToolUsage {
        Objects.requireNonNull(name, "name");
    }
}
