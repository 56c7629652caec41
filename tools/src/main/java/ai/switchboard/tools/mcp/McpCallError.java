package ai.switchboard.tools.mcp;

import java.util.Locale;

/** Why a call to an upstream MCP server produced no result; the server's own tool errors are results, not these. */
public enum McpCallError {

    /** The server did not answer within the configured call timeout. */
    TIMEOUT,

    /** The server is not connected (failed, connecting, disabled or closed); nothing was sent. */
    UNAVAILABLE,

    /** The connection broke while the call was in flight (the process exited, the HTTP stream was cut). */
    CONNECTION_LOST,

    /** The server answered with a JSON-RPC error, for example unknown tool or invalid arguments. */
    PROTOCOL_ERROR,

    /** Anything else: a malformed answer, a refused HTTP request. */
    FAILURE;

    /** The lower-case name the model and the admin API see. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
