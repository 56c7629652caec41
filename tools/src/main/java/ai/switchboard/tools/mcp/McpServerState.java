package ai.switchboard.tools.mcp;

import java.util.Locale;

/** Where the gateway's connection to one upstream MCP server stands. */
public enum McpServerState {

    /** Registered but switched off: never connected, its tools are not offered. */
    DISABLED,

    /** Starting the process or opening the session, initialising and listing tools. */
    CONNECTING,

    /** Initialised, tools listed and offered; calls go through. */
    READY,

    /** The last attempt failed or the connection was lost; calls fail fast until the retry at the given time. */
    FAILED,

    /** Closed for good (unregistered, reconfigured or the gateway is stopping). */
    CLOSED;

    /** The lower-case name used in the admin API and as a metric tag. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
