package ai.switchboard.tools.delegate;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.tools.ToolConfigs;
import java.util.regex.Pattern;

/**
 * What an admin writes for an {@code agent} tool (snake_case JSON): the agent it delegates to. The agent is looked up
 * when the tool is called, in the registry snapshot of the request, so agents and their delegating tools can be
 * created in any order (a declarative file may define both); an unknown agent is a result the model reads.
 *
 * @param agent the name of the agent the tool runs
 * @param maxDepth how many delegations deep a run started by this tool may be (a run a client started is depth 0,
 *     the run this tool starts from it is 1); default 2, at most 5. It bounds chains and cycles (an agent that may
 *     call itself) whatever the agents' own limits
 */
public record AgentToolConfig(String agent, Integer maxDepth) {

    /** The agents' name rule (registry {@code AgentRules}), checked here so a typo fails on write. */
    private static final Pattern AGENT_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");

    public AgentToolConfig {
        FieldErrors errors = new FieldErrors();
        errors.required("config.agent", agent);
        if (agent != null && !AGENT_NAME.matcher(agent).matches()) {
            errors.add("config.agent", "must be an agent's name: 1 to 128 letters, digits, '.', '_' or '-'");
        }
        maxDepth = ToolConfigs.intInRange("config.max_depth", maxDepth, 2, 1, 5, errors);
        errors.throwIfAny();
    }
}
