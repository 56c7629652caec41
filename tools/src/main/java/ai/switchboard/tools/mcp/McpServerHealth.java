package ai.switchboard.tools.mcp;

import java.time.Instant;

/**
 * The state of the gateway's connection to one upstream MCP server, for the admin API and metrics.
 *
 * @param server the server's name
 * @param state where the connection stands
 * @param toolCount how many of its tools are offered now (0 unless {@link McpServerState#READY})
 * @param readySince when the current connection became ready, or null
 * @param lastError what went wrong last (no secrets, no tool arguments or results), or null if nothing has yet
 * @param lastErrorAt when it went wrong, or null
 * @param retryAt when the next connection attempt starts, while {@link McpServerState#FAILED}; else null
 * @param consecutiveFailures failed attempts since the last time the server was ready
 */
public record McpServerHealth(String server, McpServerState state, int toolCount, Instant readySince,
        String lastError, Instant lastErrorAt, Instant retryAt, int consecutiveFailures) {

    static McpServerHealth initial(String server, McpServerState state) {
        return new McpServerHealth(server, state, 0, null, null, null, null, 0);
    }

    McpServerHealth connecting() {
        return new McpServerHealth(server, McpServerState.CONNECTING, 0, null, lastError, lastErrorAt, null,
                consecutiveFailures);
    }

    McpServerHealth ready(int tools, Instant now) {
        return new McpServerHealth(server, McpServerState.READY, tools, now, lastError, lastErrorAt, null, 0);
    }

    McpServerHealth withTools(int tools) {
        return new McpServerHealth(server, state, tools, readySince, lastError, lastErrorAt, retryAt,
                consecutiveFailures);
    }

    McpServerHealth failed(String error, Instant now, Instant retry) {
        return new McpServerHealth(server, McpServerState.FAILED, 0, null, error, now, retry,
                consecutiveFailures + 1);
    }

    McpServerHealth closed() {
        return new McpServerHealth(server, McpServerState.CLOSED, 0, null, lastError, lastErrorAt, null,
                consecutiveFailures);
    }
}
