package ai.switchboard.tools.mcp;

import static ai.switchboard.tools.mcp.McpTestServers.PATIENCE;
import static ai.switchboard.tools.mcp.McpTestServers.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.tools.Tool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The MCP client against the reference server-everything over Streamable HTTP, started once for the class. */
class McpStreamableHttpIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static EverythingHttpServer server;
    private static McpClientManager manager;

    @BeforeAll
    static void connect() {
        server = EverythingHttpServer.start();
        manager = new McpClientManager(McpClientSettings.defaults(), METERS);
        manager.apply(List.of(
                McpServerConfig.streamableHttp("everything", server.url()).bearerToken("not-checked").build(),
                // The same server with a short call timeout, for the slow call.
                McpServerConfig.streamableHttp("impatient", server.url())
                        .callTimeout(Duration.ofSeconds(1)).build()));
        awaitState(manager.connection("everything").orElseThrow(), McpServerState.READY);
        awaitState(manager.connection("impatient").orElseThrow(), McpServerState.READY);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        manager.closeGracefully().block(PATIENCE);
        server.close();
    }

    @Test
    void offersEveryToolUnderTheServersPrefix() {
        McpServerHealth health = manager.connection("everything").orElseThrow().health();
        List<String> names = manager.tools().stream()
                .filter(tool -> tool.serverName().equals("everything"))
                .map(tool -> tool.spec().name())
                .toList();

        assertThat(names).contains("everything__echo", "everything__get-sum", "everything__get-tiny-image",
                "everything__trigger-long-running-operation").allMatch(name -> name.matches("[a-zA-Z0-9_-]{1,64}"));
        assertThat(health.toolCount()).isEqualTo(names.size());
        assertThat(health.readySince()).isNotNull();
        assertThat(health.consecutiveFailures()).isZero();
        assertThat(manager.tool("everything__get-sum").orElseThrow().spec().parameters()
                .at("/properties/a/type").asString()).isEqualTo("number");
        assertThat(manager.tool("everything__get-sum").orElseThrow().upstreamName()).isEqualTo("get-sum");
    }

    @Test
    void callsAToolAndHandsTheModelItsText() {
        assertThat(call("everything__echo", "{\"message\":\"hello over http\"}").toString())
                .isEqualTo("{\"content\":[{\"type\":\"text\",\"text\":\"Echo: hello over http\"}]}");
        assertThat(call("everything__get-sum", "{\"a\":2,\"b\":3}").at("/content/0/text").asString())
                .isEqualTo("The sum of 2 and 3 is 5.");
    }

    @Test
    void aToolErrorBecomesAnErrorObjectTheModelCanRead() {
        JsonNode result = call("everything__get-sum", "{\"a\":\"two\",\"b\":3}");

        assertThat(result.at("/error/type").asString()).isEqualTo("tool_error");
        assertThat(result.at("/error/tool").asString()).isEqualTo("everything__get-sum");
        assertThat(result.at("/error/server").asString()).isEqualTo("everything");
        assertThat(result.at("/error/message").asString()).contains("expected number");
    }

    @Test
    void aToolTheServerDoesNotHaveIsReportedAsItsError() {
        McpCallOutcome outcome = manager.connection("everything").orElseThrow()
                .callTool("no-such-tool", Map.of()).block(PATIENCE);

        assertThat(outcome).isInstanceOfSatisfying(McpCallOutcome.Completed.class, completed -> {
            assertThat(completed.result().isError()).isTrue();
            assertThat(((McpSchema.TextContent) completed.result().content().get(0)).text()).contains("not found");
        });
    }

    @Test
    void passesStructuredContentAndDescribesImagesWithoutTheirData() {
        JsonNode weather = call("everything__get-structured-content", "{\"location\":\"Chicago\"}");
        JsonNode image = call("everything__get-tiny-image", "{}");

        assertThat(weather.at("/structured_content/temperature").asInt()).isEqualTo(36);
        assertThat(image.at("/content/1/type").asString()).isEqualTo("image");
        assertThat(image.at("/content/1/mime_type").asString()).isEqualTo("image/png");
        assertThat(image.at("/content/1/data_omitted").asBoolean()).isTrue();
        assertThat(image.at("/content/1/bytes").asInt()).isPositive();
        assertThat(image.at("/content/1/data").isMissingNode()).isTrue();
    }

    @Test
    void aSlowCallTimesOutAsAResultAndLeavesTheServerReady() {
        JsonNode result = call("impatient__trigger-long-running-operation", "{\"duration\":20,\"steps\":1}");

        assertThat(result.at("/error/type").asString()).isEqualTo("timeout");
        assertThat(result.at("/error/message").asString()).contains("1000 ms");
        assertThat(manager.connection("impatient").orElseThrow().health().state()).isEqualTo(McpServerState.READY);
        assertThat(call("impatient__echo", "{\"message\":\"still here\"}").at("/content/0/text").asString())
                .isEqualTo("Echo: still here");
    }

    @Test
    void exportsEachServersStateAndToolCountAsGauges() {
        McpServerHealth health = manager.connection("everything").orElseThrow().health();

        assertThat(METERS.get(McpClientMetrics.SERVER_STATE).tags("server", "everything", "state", "ready").gauge()
                .value()).isEqualTo(1);
        assertThat(METERS.get(McpClientMetrics.SERVER_STATE).tags("server", "everything", "state", "failed").gauge()
                .value()).isZero();
        assertThat(METERS.get(McpClientMetrics.SERVER_TOOLS).tag("server", "everything").gauge().value())
                .isEqualTo(health.toolCount());
    }

    private static JsonNode call(String tool, String arguments) {
        Tool found = manager.tool(tool).orElseThrow(() -> new AssertionError("No tool " + tool));
        return found.call(JSON.readTree(arguments)).block(PATIENCE);
    }
}
