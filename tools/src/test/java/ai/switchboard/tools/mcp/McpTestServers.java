package ai.switchboard.tools.mcp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real MCP servers the tests run: {@code @modelcontextprotocol/server-everything} and the small fixture server,
 * from the npm packages pinned in {@code src/test/mcp/package-lock.json}. When they are not installed yet (a fresh
 * clone), {@code npm ci} installs them once; Node.js and npm must be on the PATH.
 */
final class McpTestServers {

    static final Path ROOT = Path.of("src/test/mcp").toAbsolutePath();
    static final Path EVERYTHING = ROOT.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    static final Path FIXTURE = ROOT.resolve("fixture-server.mjs");
    /** A hang guard for starting a server or waiting for a state, never a measure of speed. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static boolean installed;

    private McpTestServers() {
    }

    static synchronized void ensureInstalled() {
        if (installed) {
            return;
        }
        Path marker = ROOT.resolve("node_modules/.package-lock.json");
        try {
            if (!Files.exists(EVERYTHING) || !Files.exists(marker) || Files.getLastModifiedTime(marker)
                    .compareTo(Files.getLastModifiedTime(ROOT.resolve("package-lock.json"))) < 0) {
                npmCi();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not check the MCP test servers under " + ROOT, e);
        }
        installed = true;
    }

    private static void npmCi() throws IOException {
        Path log = Path.of("target/npm-ci.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci failed in " + ROOT + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing the MCP test servers", e);
        }
    }

    /** server-everything over stdio, started by the gateway itself. */
    static McpServerConfig.Builder everythingOverStdio(String name) {
        ensureInstalled();
        return McpServerConfig.stdio(name, "node", List.of(EVERYTHING.toString(), "stdio"));
    }

    /** The fixture server over stdio. */
    static McpServerConfig.Builder fixtureOverStdio(String name) {
        ensureInstalled();
        return McpServerConfig.stdio(name, "node", List.of(FIXTURE.toString()));
    }

    /** Waits for the connection to reach {@code state}, and returns the health it has then. */
    static McpServerHealth awaitState(McpServerConnection connection, McpServerState state) {
        return connection.healthUpdates().filter(health -> health.state() == state).blockFirst(PATIENCE);
    }

    /** Waits for the connection to offer tools that satisfy {@code condition}, and returns them. */
    static Collection<McpTool> awaitTools(McpServerConnection connection, Predicate<Collection<McpTool>> condition) {
        return connection.toolUpdates().filter(condition).blockFirst(PATIENCE);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
