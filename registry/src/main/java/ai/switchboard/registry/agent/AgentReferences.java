package ai.switchboard.registry.agent;

import ai.switchboard.registry.prompt.PromptUsers;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which agents name a model, route, tool or prompt, so that none of those is deleted or renamed from under an
 * agent. Agents
 * are few, and this runs on admin writes only: reading them all is simpler than a query per shape of reference.
 */
@Component
public class AgentReferences implements PromptUsers {

    private final AgentRepository agents;

    public AgentReferences(AgentRepository agents) {
        this.agents = agents;
    }

    /** The names of the agents that plan with the model or route {@code name}, sorted. */
    public List<String> agentsUsing(String name) {
        return agents.findAllByOrderByNameAsc().stream().filter(agent -> agent.getModel().equals(name))
                .map(AgentEntity::getName).toList();
    }

    @Override
    public List<Reference> referencesTo(String prompt) {
        return agents.findAllByOrderByNameAsc().stream()
                .filter(agent -> agent.getInstructionsPrompt() != null
                        && agent.getInstructionsPrompt().prompt().equals(prompt))
                .map(agent -> new Reference("agent '" + agent.getName() + "'", agent.getInstructionsPrompt()))
                .toList();
    }

    /** The names of the agents granted the tool {@code name}, sorted. */
    public List<String> agentsGranted(String name) {
        return agents.findAllByOrderByNameAsc().stream().filter(agent -> agent.getTools().contains(name))
                .map(AgentEntity::getName).toList();
    }
}
