package ai.switchboard.tools.mcp;

import static ai.switchboard.tools.mcp.McpTestServers.PATIENCE;
import static ai.switchboard.tools.mcp.McpTestServers.awaitState;
import static ai.switchboard.tools.mcp.McpTestServers.awaitTools;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP client starting real servers over stdio: server-everything, and the fixture server whose tool list changes
 * on demand and whose tool names do not fit a model's rule. Each server is started once for the class.
 */
class McpStdioIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static McpClientManager manager;

    @BeforeAll
    static void connect() {
        manager = new McpClientManager(McpClientSettings.defaults(), new SimpleMeterRegistry());
        manager.apply(List.of(
                McpTestServers.everythingOverStdio("local").env("SWITCHBOARD_MCP_TEST_SETTING", "configured").build(),
                McpTestServers.fixtureOverStdio("fixture").build()));
        awaitState(manager.connection("local").orElseThrow(), McpServerState.READY);
        awaitState(manager.connection("fixture").orElseThrow(), McpServerState.READY);
    }

    @AfterAll
    static void disconnect() {
        manager.closeGracefully().block(PATIENCE);
    }

    @Test
    void listsAndCallsToolsOfAProcessItStarted() {
        assertThat(manager.tools()).extracting(tool -> tool.spec().name())
                .contains("local__echo", "local__get-sum", "local__get-env");
        assertThat(call("local__get-sum", "{\"a\":40,\"b\":2}").at("/content/0/text").asString())
                .isEqualTo("The sum of 40 and 2 is 42.");
        assertThat(call("local__get-sum", "{\"a\":true}").at("/error/type").asString()).isEqualTo("tool_error");
    }

    @Test
    void theProcessSeesOnlyPathAndItsConfiguredVariables() {
        JsonNode environment = JSON.readTree(call("local__get-env", "{}").at("/content/0/text").asString());

        assertThat(System.getenv()).containsKey("HOME");
        assertThat(environment.propertyNames()).containsExactlyInAnyOrder("PATH", "SWITCHBOARD_MCP_TEST_SETTING");
        assertThat(environment.get("SWITCHBOARD_MCP_TEST_SETTING").asString()).isEqualTo("configured");
        assertThat(environment.get("PATH").asString()).isEqualTo(System.getenv("PATH"));
    }

    @Test
    void renamesToolsWhoseNamesDoNotFitAndCallsThemByTheirOriginalName() {
        List<McpTool> fixture = manager.tools().stream().filter(tool -> tool.serverName().equals("fixture")).toList();
        McpTool dotted = fixture.stream().filter(tool -> tool.upstreamName().equals("dotted.name")).findFirst()
                .orElseThrow();
        McpTool longOne = fixture.stream().filter(tool -> tool.upstreamName().startsWith("a-tool-name")).findFirst()
                .orElseThrow();

        assertThat(dotted.spec().name()).isEqualTo(McpToolNames.exposedName("fixture", "dotted.name"))
                .matches("fixture__dotted_name_[0-9a-f]{8}");
        assertThat(longOne.spec().name()).hasSize(64).startsWith("fixture__a-tool-name-that-is");
        assertThat(call(dotted.spec().name(), "{}").at("/content/0/text").asString()).isEqualTo("called dotted.name");
        assertThat(call(longOne.spec().name(), "{}").at("/content/0/text").asString())
                .isEqualTo("called the long one");
    }

    @Test
    void relistsToolsWhenTheServerSaysTheyChanged() {
        McpServerConnection fixture = manager.connection("fixture").orElseThrow();
        assertThat(fixture.tool("fixture__late-tool")).isEmpty();

        assertThat(call("fixture__add-tool", "{\"name\":\"late-tool\"}").at("/content/0/text").asString())
                .isEqualTo("added late-tool");

        awaitTools(fixture, tools -> tools.stream().anyMatch(tool -> tool.spec().name().equals("fixture__late-tool")));
        assertThat(call("fixture__late-tool", "{}").at("/content/0/text").asString()).isEqualTo("called late-tool");
        assertThat(fixture.health().toolCount()).isEqualTo(fixture.tools().size());
    }

    @Test
    void rejectsArgumentsThatAreNotAnObjectWithoutCallingTheServer() {
        JsonNode result = manager.tool("local__echo").orElseThrow().call(JSON.readTree("[1,2]")).block(PATIENCE);

        assertThat(result.at("/error/type").asString()).isEqualTo("failure");
        assertThat(manager.connection("local").orElseThrow().callTool("echo", Map.of("message", "ok"))
                .block(PATIENCE)).isInstanceOf(McpCallOutcome.Completed.class);
    }

    private static JsonNode call(String tool, String arguments) {
        return manager.tool(tool).orElseThrow(() -> new AssertionError("No tool " + tool))
                .call(JSON.readTree(arguments)).block(PATIENCE);
    }
}
