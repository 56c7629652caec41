package ai.switchboard.tools.mcp;

import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolSpec;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One tool of an upstream MCP server, offered to models as {@code <server>__<tool>}. A call never fails: timeouts,
 * lost connections and the server's own errors come back as a result holding an {@code error} object (see {@link
 * McpToolResults}).
 */
public final class McpTool implements Tool {

    private final ToolSpec spec;
    private final String upstreamName;
    private final McpServerConnection server;

    McpTool(ToolSpec spec, String upstreamName, McpServerConnection server) {
        this.spec = spec;
        this.upstreamName = upstreamName;
        this.server = server;
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    /** The name of the server offering the tool, for grants by server. */
    public String serverName() {
        return server.name();
    }

    /** The tool's name on its server, which may differ from {@link ToolSpec#name()} (see {@link McpToolNames}). */
    public String upstreamName() {
        return upstreamName;
    }

    @Override
    public Mono<JsonNode> call(JsonNode arguments) {
        return server.call(upstreamName, spec.name(), arguments);
    }
}
