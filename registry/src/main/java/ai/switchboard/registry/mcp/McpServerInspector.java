package ai.switchboard.registry.mcp;

import ai.switchboard.registry.admin.FieldErrors;

/**
 * The application's checks on a server's URL before it is stored: whether the gateway may reach it at all (no
 * private, loopback or metadata address unless allowed). The registry cannot make them itself: the address policy
 * lives in the tools module.
 */
public interface McpServerInspector {

    /** Adds a problem with {@code url} to {@code errors} under the field {@code url}. */
    void inspectUrl(String url, FieldErrors errors);
}
