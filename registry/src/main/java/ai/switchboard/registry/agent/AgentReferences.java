package ai.switchboard.registry.agent;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which agents name a model, route or tool, so that none of those is deleted or renamed from under an agent. Agents
 * are few, and this runs on admin writes only: reading them all is simpler than a query per shape of reference.
 */
@Component
public class AgentReferences {

    private final AgentRepository agents;

    public AgentReferences(AgentRepository agents) {
        this.agents = agents;
    }

    /** The names of the agents that plan with the model or route {@code name}, sorted. */
    public List<String> agentsUsing(String name) {
        return agents.findAllByOrderByNameAsc().stream().filter(agent -> agent.getModel().equals(name))
                .map(AgentEntity::getName).toList();
    }

    /** The names of the agents granted the tool {@code name}, sorted. */
    public List<String> agentsGranted(String name) {
        return agents.findAllByOrderByNameAsc().stream().filter(agent -> agent.getTools().contains(name))
                .map(AgentEntity::getName).toList();
    }
}
