package ai.switchboard.tools.mcp;

import static ai.switchboard.tools.mcp.McpTestServers.PATIENCE;
import static ai.switchboard.tools.mcp.McpTestServers.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upstream servers that die: one over Streamable HTTP killed while a call is in flight, one over stdio whose process
 * is killed, and a bystander that must not notice. The reconnection backoff is shortened so the tests need not wait.
 */
class McpServerFailureIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static final String STDIO_VICTIM_MARKER = "--switchboard-test-stdio-victim";
    private static EverythingHttpServer httpVictim;
    private static McpClientManager manager;

    @BeforeAll
    static void connect() {
        httpVictim = EverythingHttpServer.start();
        McpClientSettings settings = McpClientSettings.defaults()
                .withBackoff(new McpBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), 0.5));
        manager = new McpClientManager(settings, METERS);
        manager.apply(List.of(
                McpServerConfig.streamableHttp("http-victim", httpVictim.url())
                        .callTimeout(Duration.ofMinutes(2)).build(),
                McpServerConfig.stdio("stdio-victim", "node",
                        List.of(McpTestServers.EVERYTHING.toString(), "stdio", STDIO_VICTIM_MARKER)).build(),
                McpTestServers.everythingOverStdio("bystander").build()));
        for (String server : List.of("http-victim", "stdio-victim", "bystander")) {
            awaitState(manager.connection(server).orElseThrow(), McpServerState.READY);
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        manager.closeGracefully().block(PATIENCE);
        httpVictim.close();
    }

    @Test
    void aServerKilledMidCallGivesAClearErrorLeavesOthersAloneAndIsReconnectedWhenBack() throws Exception {
        McpServerConnection victim = manager.connection("http-victim").orElseThrow();
        CompletableFuture<McpServerHealth> failed = victim.healthUpdates()
                .filter(health -> health.state() == McpServerState.FAILED).next().toFuture();
        int postsBefore = httpVictim.postsReceived();
        CompletableFuture<JsonNode> inFlight = call("http-victim__trigger-long-running-operation",
                "{\"duration\":60,\"steps\":1}").toFuture();
        httpVictim.awaitPostsAbove(postsBefore);

        httpVictim.kill();

        JsonNode result = inFlight.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.at("/error/type").asString()).isEqualTo("connection_lost");
        assertThat(result.at("/error/message").asString()).contains("http-victim");
        McpServerHealth down = failed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(down.lastError()).isNotBlank();
        assertThat(down.retryAt()).isAfter(down.lastErrorAt());
        assertThat(down.consecutiveFailures()).isPositive();
        assertThat(down.toolCount()).isZero();
        assertThat(manager.tools()).noneMatch(tool -> tool.serverName().equals("http-victim"));
        assertThat(METERS.get(McpClientMetrics.SERVER_FAILURES).tag("server", "http-victim").gauge().value())
                .isPositive();

        assertThat(call("bystander__echo", "{\"message\":\"unaffected\"}").block(PATIENCE).at("/content/0/text")
                .asString()).isEqualTo("Echo: unaffected");
        JsonNode whileDown = victim.call("echo", "http-victim__echo", JSON.readTree("{\"message\":\"x\"}"))
                .block(PATIENCE);
        assertThat(whileDown.at("/error/type").asString()).isEqualTo("unavailable");

        httpVictim.launch();

        awaitState(victim, McpServerState.READY);
        assertThat(call("http-victim__echo", "{\"message\":\"back\"}").block(PATIENCE).at("/content/0/text")
                .asString()).isEqualTo("Echo: back");
        assertThat(victim.health().consecutiveFailures()).isZero();
    }

    @Test
    void aStdioServerWhoseProcessDiesIsStartedAgain() throws Exception {
        McpServerConnection victim = manager.connection("stdio-victim").orElseThrow();
        CompletableFuture<McpServerHealth> failed = victim.healthUpdates()
                .filter(health -> health.state() == McpServerState.FAILED).next().toFuture();
        CompletableFuture<McpServerHealth> readyAgain = victim.healthUpdates()
                .skipUntil(health -> health.state() == McpServerState.FAILED)
                .filter(health -> health.state() == McpServerState.READY).next().toFuture();
        ProcessHandle process = victimProcess();

        process.destroyForcibly();

        McpServerHealth down = failed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(down.lastError()).contains("exited");
        readyAgain.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(victimProcess().pid()).isNotEqualTo(process.pid());
        assertThat(call("stdio-victim__get-sum", "{\"a\":1,\"b\":1}").block(PATIENCE).at("/content/0/text")
                .asString()).isEqualTo("The sum of 1 and 1 is 2.");
        assertThat(call("bystander__get-sum", "{\"a\":2,\"b\":2}").block(PATIENCE).at("/content/0/text")
                .asString()).isEqualTo("The sum of 2 and 2 is 4.");
    }

    private static ProcessHandle victimProcess() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().arguments()
                        .map(arguments -> Arrays.asList(arguments).contains(STDIO_VICTIM_MARKER)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The stdio victim's process is not running"));
    }

    private static reactor.core.publisher.Mono<JsonNode> call(String tool, String arguments) {
        return manager.tool(tool).orElseThrow(() -> new AssertionError("No tool " + tool))
                .call(JSON.readTree(arguments));
    }
}
