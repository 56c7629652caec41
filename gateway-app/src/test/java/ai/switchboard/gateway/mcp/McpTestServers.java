package ai.switchboard.gateway.mcp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real MCP server the gateway's tests run, {@code @modelcontextprotocol/server-everything}, from the npm packages
 * pinned in the tools module's {@code src/test/mcp/package-lock.json} (the same install serves both modules; CI runs
 * {@code npm ci} there, and the tools module's tests install it when missing).
 */
public final class McpTestServers {

    public static final Path ROOT = Path.of("../tools/src/test/mcp").toAbsolutePath().normalize();
    public static final Path EVERYTHING =
            ROOT.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");

    /** A hang guard for starting a server or waiting for a state, never a measure of speed. */
    public static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(60);

    private McpTestServers() {
    }

    /** The admin API body of server-everything over stdio, run by the gateway itself. */
    public static List<String> everythingStdioArgs() {
        if (!Files.exists(EVERYTHING)) {
            throw new IllegalStateException("Run npm ci --prefix tools/src/test/mcp first: " + EVERYTHING
                    + " is missing");
        }
        return List.of(EVERYTHING.toString(), "stdio");
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
