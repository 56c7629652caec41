package ai.switchboard.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class McpToolCatalogTests {

    private final McpServerConnection server = new McpServerConnection(
            McpServerConfig.streamableHttp("srv", URI.create("http://127.0.0.1:1/mcp")).build(),
            McpClientSettings.defaults(), JsonMapper.shared(), new JacksonMcpJsonMapper(JsonMapper.shared()),
            Clock.systemUTC(), () -> 0.5);

    @Test
    void offersToolsInTheServersOrderWithTheirSchemaAndDescription() {
        Map<String, McpTool> tools = McpToolCatalog.build(server, List.of(
                tool("search", Map.of("type", "object", "properties", Map.of("q", Map.of("type", "string")))),
                tool("files.read", null)), JsonMapper.shared());

        assertThat(tools.keySet()).containsExactly("srv__search", McpToolNames.exposedName("srv", "files.read"));
        McpTool search = tools.get("srv__search");
        assertThat(search.spec().description()).isEqualTo("search does things");
        assertThat(search.spec().parameters().at("/properties/q/type").asString()).isEqualTo("string");
        assertThat(search.serverName()).isEqualTo("srv");
        assertThat(tools.get(McpToolNames.exposedName("srv", "files.read")).upstreamName()).isEqualTo("files.read");
        assertThat(tools.get(McpToolNames.exposedName("srv", "files.read")).spec().parameters().toString())
                .isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void skipsToolsWithoutANameOrWithASchemaThatIsNotAnObject() {
        Map<String, McpTool> tools = McpToolCatalog.build(server, List.of(
                tool("", null), tool("scalar", Map.of("type", "string")), tool("fine", null)), JsonMapper.shared());

        assertThat(tools.keySet()).containsExactly("srv__fine");
    }

    @Test
    void aNameThatFitsWinsOverARenamedOneWhateverTheOrder() {
        String renamed = McpToolNames.exposedName("srv", "dup.name");
        String squatter = renamed.substring("srv__".length());

        Map<String, McpTool> renamedFirst = McpToolCatalog.build(server,
                List.of(tool("dup.name", null), tool(squatter, null)), JsonMapper.shared());
        Map<String, McpTool> squatterFirst = McpToolCatalog.build(server,
                List.of(tool(squatter, null), tool("dup.name", null)), JsonMapper.shared());

        assertThat(renamedFirst).hasSize(1);
        assertThat(renamedFirst.get(renamed).upstreamName()).isEqualTo(squatter);
        assertThat(squatterFirst.get(renamed).upstreamName()).isEqualTo(squatter);
    }

    @Test
    void aToolListedTwiceIsOfferedOnce() {
        assertThat(McpToolCatalog.build(server, List.of(tool("same", null), tool("same", null)), JsonMapper.shared()))
                .hasSize(1);
    }

    private static McpSchema.Tool tool(String name, Map<String, Object> schema) {
        return new McpSchema.Tool(name, null, name + " does things", schema == null ? Map.of("type", "object") : schema,
                null, null, null);
    }
}
