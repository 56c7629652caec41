package ai.switchboard.tools.mcp;

import java.util.Arrays;

/** How the gateway reaches an upstream MCP server. */
public enum McpTransportType {

    /** MCP's Streamable HTTP transport: JSON-RPC over HTTP POST, with server messages on SSE streams. */
    STREAMABLE_HTTP("streamable-http"),

    /** A local process the gateway starts itself, speaking JSON-RPC lines on its stdin and stdout. */
    STDIO("stdio");

    private final String wireName;

    McpTransportType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the admin API and the declarative file. */
    public String wireName() {
        return wireName;
    }

    /** The transport with this wire name. */
    public static McpTransportType fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown MCP transport '" + wireName + "': use streamable-http or stdio"));
    }
}
