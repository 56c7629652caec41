package ai.switchboard.gateway.api.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.util.List;

/** The MCP revisions {@code /mcp} speaks, newest first, and what it tells clients about itself. */
final class McpProtocol {

    /** The current revision, answered to clients that ask for one this endpoint does not speak. */
    static final String LATEST = ProtocolVersions.MCP_2025_11_25;
    static final List<String> SUPPORTED = List.of(ProtocolVersions.MCP_2025_11_25, ProtocolVersions.MCP_2025_06_18,
            ProtocolVersions.MCP_2025_03_26);
    static final String VERSION_HEADER = "MCP-Protocol-Version";

    private McpProtocol() {
    }

    /** The revision to answer {@code initialize} with: the client's, when spoken here, else the latest. */
    static String negotiate(String requested) {
        return SUPPORTED.contains(requested) ? requested : LATEST;
    }

    static McpSchema.InitializeResult initializeResult(String requested) {
        return new McpSchema.InitializeResult(negotiate(requested),
                McpSchema.ServerCapabilities.builder().tools(false).build(),
                new McpSchema.Implementation("switchboard", "0.1.0"),
                "Tools this key is granted on the Switchboard gateway. Stateless: no session id is issued.");
    }
}
