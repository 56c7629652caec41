package ai.switchboard.tools.mcp;

import static ai.switchboard.tools.mcp.McpTestServers.PATIENCE;
import static ai.switchboard.tools.mcp.McpTestServers.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connection lifecycle against servers that refuse or do not exist (a loopback HTTP server answering 500, a closed
 * port, a command that is not there), and the manager's bookkeeping. No MCP server is needed.
 */
class McpServerConnectionTests {

    private static final McpBackoff SLOW_RETRY = new McpBackoff(Duration.ofMinutes(5), Duration.ofMinutes(5), 0);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The headers of every POST received. */
    private final Queue<Map<String, List<String>>> requests = new ConcurrentLinkedQueue<>();
    private HttpServer refusing;

    @BeforeEach
    void startRefusingServer() throws IOException {
        refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/mcp", exchange -> {
            // The SDK also opens its event stream (GET) after each attempt's initialize; only POSTs are attempts.
            if (exchange.getRequestMethod().equals("POST")) {
                requests.add(Map.copyOf(exchange.getRequestHeaders()));
            }
            byte[] body = "upstream broke".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.createContext("/json-rpc-errors", McpServerConnectionTests::answerWithJsonRpcErrors);
        refusing.start();
    }

    /** Just enough MCP over HTTP (JSON answers, no event stream) to list one tool and refuse every call to it. */
    private static void answerWithJsonRpcErrors(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        JsonNode request = JsonMapper.shared().readTree(exchange.getRequestBody());
        String result = switch (request.path("method").asString()) {
            case "initialize" -> "\"result\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{}},"
                    + "\"serverInfo\":{\"name\":\"strict\",\"version\":\"1\"}}";
            case "tools/list" -> "\"result\":{\"tools\":[{\"name\":\"strict\",\"inputSchema\":{\"type\":\"object\"}}]}";
            default -> "\"error\":{\"code\":-32602,\"message\":\"Unknown argument: colour\"}";
        };
        if (!request.has("id")) {
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            return;
        }
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + "," + result + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Mcp-Session-Id", "session-1");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stopRefusingServer() {
        refusing.stop(0);
    }

    @Test
    void sendsTheConfiguredCredentialsAndReportsARefusalAsFailedWithARetryTime() {
        McpServerConnection connection = connection(McpServerConfig.streamableHttp("refuser", refusingUrl())
                .bearerToken("secret-token").header("X-Tenant", "acme").build(), SLOW_RETRY);

        connection.start();
        McpServerHealth health = awaitState(connection, McpServerState.FAILED);

        assertThat(requests.peek()).containsEntry("Authorization", List.of("Bearer secret-token"))
                .containsEntry("X-tenant", List.of("acme"));
        assertThat(health.lastError()).contains("500", "upstream broke").doesNotContain("secret-token");
        assertThat(health.retryAt()).isEqualTo(health.lastErrorAt().plus(Duration.ofMinutes(5)));
        assertThat(health.consecutiveFailures()).isEqualTo(1);
        assertThat(connection.tools()).isEmpty();
        connection.closeGracefully().block(PATIENCE);
    }

    @Test
    void retriesWithDoublingWaitsUpToTheCapAndNoMoreOften() {
        McpServerConnection connection = connection(McpServerConfig.streamableHttp("refuser", refusingUrl()).build(),
                new McpBackoff(Duration.ofMillis(20), Duration.ofMillis(80), 0));
        var failures = connection.healthUpdates().filter(health -> health.state() == McpServerState.FAILED)
                .take(4).collectList().toFuture();

        connection.start();

        List<Duration> waits = failures.join().stream()
                .map(health -> Duration.between(health.lastErrorAt(), health.retryAt()))
                .toList();
        assertThat(waits).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80),
                Duration.ofMillis(80));
        connection.closeGracefully().block(PATIENCE);
        McpServerHealth closed = connection.health();
        assertThat(closed.state()).isEqualTo(McpServerState.CLOSED);
        // One initialize request per attempt, and one more if an attempt was under way when the connection closed.
        assertThat(requests).hasSizeBetween(closed.consecutiveFailures(), closed.consecutiveFailures() + 1);
    }

    @Test
    void aJsonRpcErrorAnsweringACallBecomesAProtocolErrorAndTheServerStaysReady() {
        McpServerConnection connection = connection(McpServerConfig.streamableHttp("strict", URI.create(
                "http://127.0.0.1:" + refusing.getAddress().getPort() + "/json-rpc-errors")).build(), SLOW_RETRY);
        connection.start();
        awaitState(connection, McpServerState.READY);

        JsonNode result = connection.tool("strict__strict").orElseThrow()
                .call(JsonMapper.shared().readTree("{\"colour\":\"red\"}")).block(PATIENCE);

        assertThat(result.at("/error/type").asString()).isEqualTo("protocol_error");
        assertThat(result.at("/error/message").asString()).contains("Unknown argument: colour", "-32602");
        assertThat(connection.health().state()).isEqualTo(McpServerState.READY);
        connection.closeGracefully().block(PATIENCE);
    }

    @Test
    void aServerThatIsNotThereFailsAndCallsAreAnsweredAtOnce() {
        McpServerConnection connection = connection(McpServerConfig.streamableHttp("absent",
                URI.create("http://127.0.0.1:" + McpTestServers.freePort() + "/mcp")).build(), SLOW_RETRY);
        connection.start();

        McpServerHealth health = awaitState(connection, McpServerState.FAILED);
        McpCallOutcome outcome = connection.callTool("anything", Map.of()).block(PATIENCE);

        assertThat(health.lastError()).contains("ConnectException");
        assertThat(outcome).isEqualTo(new McpCallOutcome.Failed(McpCallError.UNAVAILABLE,
                "The MCP server 'absent' is not available (failed)", health.retryAt()));
        connection.closeGracefully().block(PATIENCE);
    }

    @Test
    void aCommandThatCannotStartLeavesTheServerFailedWithTheReason() {
        McpServerConnection connection = connection(
                McpServerConfig.stdio("missing", "/nonexistent/switchboard-mcp-server", List.of()).build(), SLOW_RETRY);
        connection.start();

        assertThat(awaitState(connection, McpServerState.FAILED).lastError())
                .contains("Could not start /nonexistent/switchboard-mcp-server");
        connection.closeGracefully().block(PATIENCE);
    }

    @Test
    void aDisabledServerIsNotContactedAndItsToolsAreNotOffered() {
        McpClientManager manager = new McpClientManager(McpClientSettings.defaults(), meters);

        manager.apply(List.of(McpServerConfig.streamableHttp("off", refusingUrl()).enabled(false).build()));

        McpServerConnection off = manager.connection("off").orElseThrow();
        assertThat(off.health().state()).isEqualTo(McpServerState.DISABLED);
        assertThat(off.callTool("anything", Map.of()).block(PATIENCE))
                .isInstanceOfSatisfying(McpCallOutcome.Failed.class,
                        failed -> assertThat(failed.error()).isEqualTo(McpCallError.UNAVAILABLE));
        assertThat(manager.tools()).isEmpty();
        assertThat(meters.get(McpClientMetrics.SERVER_STATE).tags("server", "off", "state", "disabled").gauge()
                .value()).isEqualTo(1);
        assertThat(requests).isEmpty();
        manager.closeGracefully().block(PATIENCE);
    }

    @Test
    void theManagerReplacesChangedServersKeepsOthersAndForgetsRemovedOnes() {
        McpClientManager manager = new McpClientManager(
                McpClientSettings.defaults().withBackoff(SLOW_RETRY), meters);
        McpServerConfig kept = McpServerConfig.streamableHttp("kept", refusingUrl()).build();
        McpServerConfig changed = McpServerConfig.streamableHttp("changed", refusingUrl()).build();
        McpServerConfig removed = McpServerConfig.streamableHttp("removed", refusingUrl()).build();
        manager.apply(List.of(kept, changed, removed));
        McpServerConnection keptBefore = manager.connection("kept").orElseThrow();
        McpServerConnection changedBefore = manager.connection("changed").orElseThrow();

        manager.apply(List.of(kept, McpServerConfig.streamableHttp("changed", refusingUrl())
                .callTimeout(Duration.ofSeconds(3)).build()));

        assertThat(manager.connection("kept")).containsSame(keptBefore);
        assertThat(manager.connection("changed").orElseThrow()).isNotSameAs(changedBefore);
        assertThat(changedBefore.health().state()).isEqualTo(McpServerState.CLOSED);
        assertThat(manager.connection("removed")).isEmpty();
        assertThat(manager.health()).extracting(McpServerHealth::server).containsExactly("changed", "kept");
        assertThat(meters.find(McpClientMetrics.SERVER_STATE).tag("server", "removed").gauges()).isEmpty();
        assertThat(meters.find(McpClientMetrics.SERVER_STATE).tag("server", "changed").gauges()).hasSize(5);
        assertThatIllegalArgumentException().isThrownBy(() -> manager.apply(List.of(kept, kept)));

        manager.closeGracefully().block(PATIENCE);
        assertThat(keptBefore.health().state()).isEqualTo(McpServerState.CLOSED);
        assertThat(meters.find(McpClientMetrics.SERVER_STATE).gauges()).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> manager.apply(List.of(kept)));
    }

    private URI refusingUrl() {
        return URI.create("http://127.0.0.1:" + refusing.getAddress().getPort() + "/mcp");
    }

    private static McpServerConnection connection(McpServerConfig config, McpBackoff backoff) {
        JsonMapper json = JsonMapper.shared();
        return new McpServerConnection(config, McpClientSettings.defaults().withBackoff(backoff), json,
                new JacksonMcpJsonMapper(json), Clock.systemUTC(), () -> 0);
    }
}
