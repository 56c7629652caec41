package ai.switchboard.registry.mcp;

import ai.switchboard.registry.agent.AgentEntity;
import ai.switchboard.registry.agent.AgentRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who is granted a server's tools ({@code <server>__<tool>} or {@code <server>__*}), so that no server is deleted
 * or renamed from under them. Runs on admin writes only: reading every agent is simpler than a query per shape.
 */
@Component
public class McpServerReferences {

    private final AgentRepository agents;

    public McpServerReferences(AgentRepository agents) {
        this.agents = agents;
    }

    /** {@code agent:<name>} for every agent granted one of the server's tools, sorted. */
    public List<String> holders(String server) {
        String prefix = server + "__";
        List<String> holders = new ArrayList<>();
        for (AgentEntity agent : agents.findAllByOrderByNameAsc()) {
            if (agent.getTools().stream().anyMatch(tool -> tool.startsWith(prefix))) {
                holders.add("agent:" + agent.getName());
            }
        }
        return holders;
    }
}
