package ai.switchboard.tools.delegate;

import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolType;
import java.util.Set;

/** The {@code agent} tool type: another agent as a tool; see {@link AgentToolConfig} and {@link AgentTool}. */
public final class AgentToolType implements ToolType<AgentToolConfig> {

    public static final String NAME = "agent";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AgentToolConfig> configType() {
        return AgentToolConfig.class;
    }

    @Override
    public Set<String> secretFields() {
        return Set.of();
    }

    @Override
    public Tool create(String name, String description, AgentToolConfig config) {
        return new AgentTool(name, description, config);
    }
}
