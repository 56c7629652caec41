package ai.switchboard.registry.mcp;

import ai.switchboard.registry.ToolGrants;
import ai.switchboard.registry.agent.AgentEntity;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.agent.AgentRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who is granted a server's tools (agents: {@code <server>__<tool>} or {@code <server>__*}; keys:
 * {@code tool:<server>__<tool>} or {@code mcp:<server>}), so that no server is deleted
 * or renamed from under them. Runs on admin writes only: reading every agent is simpler than a query per shape.
 */
@Component
public class McpServerReferences {

    private final AgentRepository agents;
    private final ApiKeyRepository keys;

    public McpServerReferences(AgentRepository agents, ApiKeyRepository keys) {
        this.agents = agents;
        this.keys = keys;
    }

    /**
     * {@code agent:<name>} for every agent granted one of the server's tools, then {@code key:<name>} for every key
     * that is not revoked and holds {@code mcp:<server>} or one of its tools: a server deleted and registered again
     * under the same name must not hand its tools back to old grants.
     */
    public List<String> holders(String server) {
        String prefix = server + "__";
        List<String> holders = new ArrayList<>();
        for (AgentEntity agent : agents.findAllByOrderByNameAsc()) {
            if (agent.getTools().stream().anyMatch(tool -> tool.startsWith(prefix))) {
                holders.add("agent:" + agent.getName());
            }
        }
        String tools = ToolGrants.TOOL_PREFIX + prefix;
        String whole = ToolGrants.SERVER_PREFIX + server;
        keys.findAll().stream().filter(key -> !key.isRevoked())
                .filter(key -> key.getAllowedModels().stream().anyMatch(e -> e.equals(whole) || e.startsWith(tools)))
                .map(key -> "key:" + key.getName()).sorted().forEach(holders::add);
        return holders;
    }
}
