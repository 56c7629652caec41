package ai.switchboard.tools.mcp;

import ai.switchboard.tools.ToolSpec;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a server's {@code tools/list} answer into the tools offered to models, keyed by exposed name, in the server's
 * order. A tool is skipped, with the reason logged, when it has no name, when its input schema is not a JSON Schema of
 * type object, or when its exposed name is already taken: a tool whose own name fits wins over a renamed one, then
 * the smaller original name wins, so the outcome does not depend on the order the server lists them in.
 */
final class McpToolCatalog {

    private static final Logger log = LoggerFactory.getLogger(McpToolCatalog.class);

    private static final Comparator<Candidate> PRECEDENCE = Comparator
            .comparing((Candidate candidate) -> !candidate.verbatim())
            .thenComparing(candidate -> candidate.tool().name());

    private McpToolCatalog() {
    }

    static Map<String, McpTool> build(McpServerConnection server, List<McpSchema.Tool> listed, JsonMapper json) {
        Map<Integer, Candidate> winners = new TreeMap<>();
        Map<String, Candidate> byName = new LinkedHashMap<>();
        IntStream.range(0, listed.size())
                .mapToObj(index -> candidate(server.name(), index, listed.get(index), json))
                .filter(Objects::nonNull)
                .sorted(PRECEDENCE)
                .forEach(candidate -> {
                    Candidate taken = byName.putIfAbsent(candidate.spec().name(), candidate);
                    if (taken == null) {
                        winners.put(candidate.index(), candidate);
                    } else {
                        log.warn("MCP server '{}': tool '{}' skipped, its name {} is taken by tool '{}'",
                                server.name(), candidate.tool().name(), candidate.spec().name(), taken.tool().name());
                    }
                });
        Map<String, McpTool> tools = new LinkedHashMap<>();
        winners.values().forEach(winner -> tools.put(winner.spec().name(),
                new McpTool(winner.spec(), winner.tool().name(), server)));
        return Collections.unmodifiableMap(tools);
    }

    private static Candidate candidate(String server, int index, McpSchema.Tool tool, JsonMapper json) {
        if (tool.name() == null || tool.name().isEmpty()) {
            log.warn("MCP server '{}': a tool without a name is skipped", server);
            return null;
        }
        String description = tool.description() != null ? tool.description() : tool.title();
        try {
            ToolSpec spec = new ToolSpec(McpToolNames.exposedName(server, tool.name()), description,
                    json.valueToTree(tool.inputSchema()));
            return new Candidate(index, tool, spec, McpToolNames.isVerbatim(server, tool.name()));
        } catch (IllegalArgumentException e) {
            log.warn("MCP server '{}': tool '{}' skipped, its input schema is not a JSON Schema of type object",
                    server, tool.name());
            return null;
        }
    }

    private record Candidate(int index, McpSchema.Tool tool, ToolSpec spec, boolean verbatim) {
    }
}
