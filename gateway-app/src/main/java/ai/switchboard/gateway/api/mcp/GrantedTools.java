package ai.switchboard.gateway.api.mcp;

import ai.switchboard.gateway.agent.ToolInstances;
import ai.switchboard.gateway.mcp.McpToolGrants;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.ToolConfig;
import ai.switchboard.tools.ToolSpec;
import ai.switchboard.tools.mcp.McpTool;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools a key may see and call through {@code /mcp}, read from one snapshot: tool instances it is granted as
 * {@code tool:<name>}, and the tools the registered MCP servers offer now that it is granted as
 * {@code tool:<server>__<tool>} or {@code mcp:<server>}. A disabled or deleted server's tools are never granted,
 * whatever its connection is still doing.
 */
@Component
class GrantedTools {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ToolInstances instances;
    private final McpToolGrants mcp;
    private final JsonMapper json = JsonMapper.shared();

    GrantedTools(ToolInstances instances, McpToolGrants mcp) {
        this.instances = instances;
        this.mcp = mcp;
    }

    /** What {@code tools/list} shows the key: its tool instances first, then the servers' tools by server. */
    Mono<List<McpSchema.Tool>> list(ApiKeyRecord key, RegistrySnapshot snapshot) {
        Flux<McpSchema.Tool> own = Flux.fromIterable(snapshot.tools())
                .filter(tool -> tool.available() && key.mayCallTool(tool.name(), null))
                .concatMap(tool -> instances.invoker(tool).map(invoker -> describe(invoker.tool().spec())));
        Flux<McpSchema.Tool> upstream = Flux.fromIterable(mcp.all(snapshot))
                .filter(tool -> key.mayCallTool(tool.spec().name(), tool.serverName()))
                .map(tool -> describe(tool.spec()));
        return own.concatWith(upstream).collectList();
    }

    /** The tool {@code name} if the key may call it now, else {@code null}. */
    GrantedTool resolve(ApiKeyRecord key, RegistrySnapshot snapshot, String name) {
        ToolConfig instance = snapshot.tool(name);
        if (instance != null) {
            return instance.available() && key.mayCallTool(name, null) ? new GrantedTool.Instance(instance) : null;
        }
        McpTool upstream = mcp.tool(name, snapshot);
        return upstream != null && key.mayCallTool(name, upstream.serverName()) ? new GrantedTool.Upstream(upstream)
                : null;
    }

    private McpSchema.Tool describe(ToolSpec spec) {
        return McpSchema.Tool.builder().name(spec.name()).description(spec.description())
                .inputSchema(json.convertValue(spec.parameters(), OBJECT)).build();
    }
}
