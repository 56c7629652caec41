package ai.switchboard.tools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON a model sees for one MCP tool call. A result the server completed becomes
 * {@code {"content": [...], "structured_content": {...}}}, its blocks as {@code text}, {@code image}, {@code audio},
 * {@code resource} or {@code resource_link} objects; binary data (images, audio, blob resources) is replaced by its
 * MIME type and size, since a tool message carries text only. Anything that is not a usable result, the server's own
 * {@code isError} results included, becomes {@code {"error": {"type", "server", "tool", "message"}}} (plus
 * {@code retry_at} while the server is unavailable). Text is capped at {@code maxResultChars} characters in all; a cut
 * result says {@code "truncated": true}.
 */
final class McpToolResults {

    /** What one block costs against the cap besides its text, so that many tiny blocks are capped too. */
    private static final int BLOCK_OVERHEAD = 32;
    private static final String TOOL_ERROR = "tool_error";

    private final JsonMapper json;
    private final int maxChars;

    McpToolResults(JsonMapper json, int maxChars) {
        this.json = json;
        this.maxChars = maxChars;
    }

    JsonNode toModelJson(String server, String tool, McpCallOutcome outcome) {
        return switch (outcome) {
            case McpCallOutcome.Failed failed -> failed(server, tool, failed);
            case McpCallOutcome.Completed completed when Boolean.TRUE.equals(completed.result().isError()) ->
                    error(server, tool, TOOL_ERROR, errorText(completed.result().content()));
            case McpCallOutcome.Completed completed -> completed(completed.result());
        };
    }

    private ObjectNode completed(McpSchema.CallToolResult result) {
        Budget budget = new Budget(maxChars);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode content = node.putArray("content");
        for (McpSchema.Content block : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            if (!budget.take(BLOCK_OVERHEAD)) {
                break;
            }
            content.add(block(block, budget));
        }
        if (result.structuredContent() != null) {
            JsonNode structured = json.valueToTree(result.structuredContent());
            if (budget.take(structured.toString().length())) {
                node.set("structured_content", structured);
            }
        }
        if (budget.exhausted()) {
            node.put("truncated", true);
        }
        return node;
    }

    private ObjectNode block(McpSchema.Content block, Budget budget) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (block) {
            case McpSchema.TextContent text -> node.put("type", "text").put("text", budget.cut(text.text()));
            case McpSchema.ImageContent image -> binary(node.put("type", "image"), image.mimeType(), image.data());
            case McpSchema.AudioContent audio -> binary(node.put("type", "audio"), audio.mimeType(), audio.data());
            case McpSchema.EmbeddedResource embedded -> resource(node, embedded.resource(), budget);
            case McpSchema.ResourceLink link -> {
                node.put("type", "resource_link").put("uri", link.uri());
                putIfPresent(node, "name", link.name());
                putIfPresent(node, "description", budget.cut(link.description()));
                putIfPresent(node, "mime_type", link.mimeType());
            }
            default -> node.put("type", block.type());
        }
        return node;
    }

    private static void resource(ObjectNode node, McpSchema.ResourceContents resource, Budget budget) {
        node.put("type", "resource").put("uri", resource.uri());
        putIfPresent(node, "mime_type", resource.mimeType());
        switch (resource) {
            case McpSchema.TextResourceContents text -> node.put("text", budget.cut(text.text()));
            case McpSchema.BlobResourceContents blob -> binary(node, resource.mimeType(), blob.blob());
            default -> {
            }
        }
    }

    private static void binary(ObjectNode node, String mimeType, String base64) {
        putIfPresent(node, "mime_type", mimeType);
        node.put("data_omitted", true).put("bytes", decodedLength(base64));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static long decodedLength(String base64) {
        if (base64 == null) {
            return 0;
        }
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return Math.max(0, (long) base64.length() * 3 / 4 - padding);
    }

    private String errorText(List<McpSchema.Content> content) {
        String text = content == null ? "" : content.stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(block -> ((McpSchema.TextContent) block).text())
                .collect(Collectors.joining("\n"));
        return text.isBlank() ? "The tool reported an error without a message" : text;
    }

    private ObjectNode failed(String server, String tool, McpCallOutcome.Failed failed) {
        ObjectNode node = error(server, tool, failed.error().wireName(), failed.message());
        if (failed.retryAt() != null) {
            ((ObjectNode) node.get("error")).put("retry_at", failed.retryAt().toString());
        }
        return node;
    }

    private ObjectNode error(String server, String tool, String type, String message) {
        Budget budget = new Budget(maxChars);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("error").put("type", type).put("server", server).put("tool", tool)
                .put("message", budget.cut(message));
        if (budget.exhausted()) {
            node.put("truncated", true);
        }
        return node;
    }

    /** Characters of text still allowed in one result. */
    private static final class Budget {

        private int remaining;
        private boolean exhausted;

        Budget(int remaining) {
            this.remaining = remaining;
        }

        boolean take(int chars) {
            if (chars > remaining) {
                exhausted = true;
                return false;
            }
            remaining -= chars;
            return true;
        }

        String cut(String text) {
            if (text == null || text.length() <= remaining) {
                remaining -= text == null ? 0 : text.length();
                return text;
            }
            int end = remaining > 0 && Character.isHighSurrogate(text.charAt(remaining - 1)) ? remaining - 1 : remaining;
            String kept = text.substring(0, end);
            remaining = 0;
            exhausted = true;
            return kept;
        }

        boolean exhausted() {
            return exhausted;
        }
    }
}
