package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.mcp.McpTestServers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the TypeScript SDK client ({@code gateway-app/src/test/mcp/ts-sdk-client.cjs}) through a list of steps in one
 * client session and returns its JSON line per step. At a {@code pause} step the test's {@code onPause} runs (given the
 * pause's label) while the node client waits, so the test can change the gateway mid-session. Bounded: the process is
 * killed when it outlives {@link McpTestServers#PATIENCE}.
 */
final class TypeScriptMcpClient {

    private static final Path SCRIPT = Path.of("src/test/mcp/ts-sdk-client.cjs").toAbsolutePath();

    private TypeScriptMcpClient() {
    }

    static List<JsonNode> run(String url, String key, List<?> steps, Consumer<String> onPause) throws Exception {
        McpTestServers.everythingStdioArgs(); // the pinned npm packages are installed
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), url, key,
                JsonMapper.shared().writeValueAsString(steps)).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", McpTestServers.ROOT.resolve("node_modules").toString());
        builder.environment().put("TS_CLIENT_TIMEOUT_MS", Long.toString(McpTestServers.PATIENCE.toMillis()));
        Process node = builder.start();
        try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
            CompletableFuture<List<JsonNode>> lines = CompletableFuture.supplyAsync(() -> read(node, onPause), reader);
            List<JsonNode> out = lines.get(McpTestServers.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(node.waitFor(McpTestServers.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as("node exit, after %s", out).isZero();
            return out;
        } finally {
            node.destroyForcibly();
        }
    }

    /** Only the step lines: the connect line is checked here, so tests index their own steps from 0. */
    private static List<JsonNode> read(Process node, Consumer<String> onPause) {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8)); Writer stdin = node.outputWriter(StandardCharsets.UTF_8)) {
            String line;
            boolean connected = false;
            while ((line = stdout.readLine()) != null) {
                JsonNode step = JsonMapper.shared().readTree(line);
                if (!connected) {
                    assertThat(step.path("op").asString()).as(line).isEqualTo("connect");
                    assertThat(step.path("protocolVersion").asString()).isEqualTo("2025-11-25");
                    connected = true;
                    continue;
                }
                out.add(step);
                if (step.path("op").asString().equals("pause")) {
                    onPause.accept(step.path("label").asString());
                    stdin.write("\n");
                    stdin.flush();
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
