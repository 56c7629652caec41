package ai.switchboard.tools.delegate;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolException;
import ai.switchboard.tools.ToolSpec;
import ai.switchboard.tools.agent.AgentRun;
import ai.switchboard.tools.agent.SpendMeter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delegation: the model of one agent asks another agent, which runs its own loop (its model, its tools, its limits)
 * and answers. The delegated run spends from the delegating run's cost limit as well as its own (see
 * {@link SpendMeter}) and may go only {@code max_depth} delegations deep. Its answer comes back as data with the run's
 * status; a run stopped by a limit is still an answer the model can weigh.
 */
final class AgentTool implements Tool {

    /** Longer questions are refused by the schema: a delegated run is for a sub-task, not a whole transcript. */
    static final int MAX_INPUT_CHARS = 32_768;

    private final ToolSpec spec;
    private final AgentToolConfig config;

    AgentTool(String name, String description, AgentToolConfig config) {
        this.config = config;
        this.spec = new ToolSpec(name, description != null ? description
                : "Asks the agent '" + config.agent() + "' to do a task and returns its answer.", parameters());
    }

    private static JsonNode parameters() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject("input").put("type", "string").put("minLength", 1)
                .put("maxLength", MAX_INPUT_CHARS)
                .put("description", "The task or question for the agent, with everything it needs to know.");
        schema.putArray("required").add("input");
        schema.put("additionalProperties", false);
        return schema;
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public Mono<JsonNode> call(JsonNode arguments) {
        return Mono.deferContextual(context -> {
            Delegation delegation = context.getOrDefault(Delegation.class, null);
            if (delegation == null) {
                return Mono.error(ToolException.refused("The agent tool runs only inside an agent run."));
            }
            SpendMeter caller = context.getOrDefault(SpendMeter.class, null);
            int depth = caller == null ? 1 : caller.depth() + 1;
            if (depth > config.maxDepth()) {
                return Mono.error(ToolException.refused("Delegation to agent '" + config.agent() + "' would be "
                        + depth + " levels deep; this tool allows " + config.maxDepth() + ". Answer without it."));
            }
            return delegation.run(config.agent(), arguments.path("input").asString()).map(this::result);
        });
    }

    private JsonNode result(AgentRun run) {
        ObjectNode result = JsonNodeFactory.instance.objectNode()
                .put("agent", config.agent())
                .put("status", run.status().wire())
                .put("steps", run.steps())
                .put("tool_calls", run.toolCalls());
        result.put("answer", text(run.answer()));
        return result;
    }

    private static String text(ChatResponse answer) {
        if (answer.choices().isEmpty()) {
            return "";
        }
        ChatMessage message = answer.choices().getFirst().message();
        String text = message == null ? null : message.text();
        return text == null ? "" : text;
    }
}
