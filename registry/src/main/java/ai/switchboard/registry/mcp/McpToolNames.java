package ai.switchboard.registry.mcp;

import java.util.regex.Pattern;

/**
 * How grants name an MCP server's tools: {@code <server>__<tool>} (the name models see, at most 64 of
 * {@code [a-zA-Z0-9_-]}) or {@code <server>__*} for all of them. Whether the tool exists is known only while the
 * server is connected, so a write checks the server and the form, and a call checks the tool.
 */
public final class McpToolNames {

    public static final String SEPARATOR = "__";
    public static final String WHOLE_SERVER = "*";

    private static final Pattern EXPOSED = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private McpToolNames() {
    }

    /** The server's name: what comes before the first {@code __}; {@code null} when there is none. */
    public static String serverOf(String name) {
        int separator = name.indexOf(SEPARATOR);
        return separator <= 0 ? null : name.substring(0, separator);
    }

    /** Whether {@code name} has the form of an MCP tool grant. */
    public static boolean isToolName(String name) {
        String server = serverOf(name);
        if (server == null || !McpServerRules.NAME.matcher(server).matches()) {
            return false;
        }
        String tool = name.substring(server.length() + SEPARATOR.length());
        return tool.equals(WHOLE_SERVER) || (!tool.isEmpty() && EXPOSED.matcher(name).matches());
    }
}
