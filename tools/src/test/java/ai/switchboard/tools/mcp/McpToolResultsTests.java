package ai.switchboard.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class McpToolResultsTests {

    private final McpToolResults results = new McpToolResults(JsonMapper.shared(), 1_000);

    @Test
    void mapsEveryKindOfContentForAModelThatReadsText() {
        McpSchema.CallToolResult result = McpSchema.CallToolResult.builder()
                .addTextContent("hello")
                .addContent(new McpSchema.ImageContent(null, "iVBORw0KGgo=", "image/png"))
                .addContent(new McpSchema.AudioContent(null, "AAAA", "audio/wav"))
                .addContent(new McpSchema.EmbeddedResource(null,
                        new McpSchema.TextResourceContents("file:///a.txt", "text/plain", "file text")))
                .addContent(new McpSchema.EmbeddedResource(null,
                        new McpSchema.BlobResourceContents("file:///a.bin", "application/octet-stream", "AAAAAA==")))
                .addContent(new McpSchema.ResourceLink("report", null, "https://example.test/r", "The report",
                        "text/html", null, null, null))
                .structuredContent(Map.of("temperature", 21))
                .build();

        JsonNode json = map(result);

        assertThat(json.toString()).isEqualTo("{\"content\":["
                + "{\"type\":\"text\",\"text\":\"hello\"},"
                + "{\"type\":\"image\",\"mime_type\":\"image/png\",\"data_omitted\":true,\"bytes\":8},"
                + "{\"type\":\"audio\",\"mime_type\":\"audio/wav\",\"data_omitted\":true,\"bytes\":3},"
                + "{\"type\":\"resource\",\"uri\":\"file:///a.txt\",\"mime_type\":\"text/plain\",\"text\":\"file text\"},"
                + "{\"type\":\"resource\",\"uri\":\"file:///a.bin\",\"mime_type\":\"application/octet-stream\","
                + "\"data_omitted\":true,\"bytes\":4},"
                + "{\"type\":\"resource_link\",\"uri\":\"https://example.test/r\",\"name\":\"report\","
                + "\"description\":\"The report\",\"mime_type\":\"text/html\"}],"
                + "\"structured_content\":{\"temperature\":21}}");
    }

    @Test
    void aToolErrorBecomesAnErrorObjectWithTheToolsOwnWords() {
        JsonNode json = map(McpSchema.CallToolResult.builder().addTextContent("City not found").addTextContent("Try another")
                .isError(true).build());

        assertThat(json.toString()).isEqualTo("{\"error\":{\"type\":\"tool_error\",\"server\":\"srv\","
                + "\"tool\":\"srv__weather\",\"message\":\"City not found\\nTry another\"}}");
        assertThat(map(McpSchema.CallToolResult.builder().content(List.of()).isError(true).build())
                .at("/error/message").asString()).isNotBlank();
    }

    @Test
    void aFailedCallSaysWhyAndWhenTheServerIsTriedAgain() {
        JsonNode json = results.toModelJson("srv", "srv__weather", new McpCallOutcome.Failed(
                McpCallError.UNAVAILABLE, "The MCP server 'srv' is not available (failed)",
                Instant.parse("2026-12-02T10:15:30Z")));

        assertThat(json.toString()).isEqualTo("{\"error\":{\"type\":\"unavailable\",\"server\":\"srv\","
                + "\"tool\":\"srv__weather\",\"message\":\"The MCP server 'srv' is not available (failed)\","
                + "\"retry_at\":\"2026-12-02T10:15:30Z\"}}");
    }

    @Test
    void capsTextAndSaysSo() {
        JsonNode json = map(McpSchema.CallToolResult.builder().addTextContent("x".repeat(5_000))
                .addTextContent("never shown").build());

        assertThat(json.at("/content/0/text").asString()).hasSize(1_000 - 32);
        assertThat(json.get("content")).hasSize(1);
        assertThat(json.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void capsManyTinyBlocksAndStructuredContentThatDoesNotFit() {
        List<McpSchema.Content> blocks = Collections.nCopies(500, new McpSchema.TextContent("a"));
        JsonNode many = map(new McpSchema.CallToolResult(blocks, false, null, null));
        JsonNode bigStructure = map(McpSchema.CallToolResult.builder().addTextContent("summary")
                .structuredContent(Map.of("rows", "y".repeat(2_000))).build());

        assertThat(many.get("content").size()).isLessThan(500);
        assertThat(many.get("truncated").asBoolean()).isTrue();
        assertThat(bigStructure.at("/content/0/text").asString()).isEqualTo("summary");
        assertThat(bigStructure.has("structured_content")).isFalse();
        assertThat(bigStructure.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void neverSplitsACharacterWhenCutting() {
        McpToolResults tight = new McpToolResults(JsonMapper.shared(), 257);
        String emoji = "🙂".repeat(200);

        String kept = tight.toModelJson("s", "s__t", new McpCallOutcome.Completed(
                McpSchema.CallToolResult.builder().addTextContent(emoji).build())).at("/content/0/text").asString();

        assertThat(kept).isNotEmpty().matches("(🙂)+");
    }

    private JsonNode map(McpSchema.CallToolResult result) {
        return results.toModelJson("srv", "srv__weather", new McpCallOutcome.Completed(result));
    }
}
