package ai.switchboard.registry.tool;

import ai.switchboard.registry.ToolGrants;
import ai.switchboard.registry.agent.AgentReferences;
import ai.switchboard.registry.key.ApiKeyRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who is granted a tool instance (agents by its name; keys by {@code tool:<name>}), so that no tool is deleted or
 * renamed from under them: the rule MCP servers follow ({@code McpServerReferences}). Runs on admin writes only.
 */
@Component
public class ToolReferences {

    private final AgentReferences agents;
    private final ApiKeyRepository keys;

    public ToolReferences(AgentReferences agents, ApiKeyRepository keys) {
        this.agents = agents;
        this.keys = keys;
    }

    /**
     * {@code agent:<name>} for every agent granted the tool, then {@code key:<name>} for every key that is not revoked
     * and holds {@code tool:<name>}: a tool deleted and created again under the same name must not be handed back to
     * old grants.
     */
    public List<String> holders(String tool) {
        List<String> holders = new ArrayList<>();
        agents.agentsGranted(tool).forEach(agent -> holders.add("agent:" + agent));
        String grant = ToolGrants.TOOL_PREFIX + tool;
        keys.findAll().stream().filter(key -> !key.isRevoked())
                .filter(key -> key.getAllowedModels().contains(grant))
                .map(key -> "key:" + key.getName()).sorted().forEach(holders::add);
        return holders;
    }
}
