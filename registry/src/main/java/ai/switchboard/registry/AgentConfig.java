package ai.switchboard.registry;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An agent as the request path sees it: clients call it as the model {@code agent:<name>}, and only with a key whose
 * allow-list names it so.
 *
 * @param model the model or route that plans each step
 * @param instructions inline system instructions, or {@code null}
 * @param tools the granted tool names, in the order they are offered to the model
 * @param maxSteps the most model calls one run may make
 * @param maxCostUsd the most one run may cost, or {@code null} for no cap of its own
 * @param timeout the longest one run may take
 * @param parallelToolCalls whether the tool calls of one step may run at the same time
 * @param responseFormat the JSON Schema the final answer must match (a read-only tree), or {@code null}
 * @param updatedEpochMilli changes on every update
 * @param instructionsPrompt the prompt template the instructions come from (rendered per run), or {@code null}
 */
public record AgentConfig(
        UUID id,
        String name,
        String description,
        String model,
        String instructions,
        List<String> tools,
        int maxSteps,
        BigDecimal maxCostUsd,
        Duration timeout,
        boolean parallelToolCalls,
        JsonNode responseFormat,
        long updatedEpochMilli,
        PromptReference instructionsPrompt) {

    /** What a client writes before an agent's name in the {@code model} field, and a key's allow-list names. */
    public static final String MODEL_PREFIX = "agent:";

    public AgentConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        tools = tools == null ? List.of() : List.copyOf(tools);
        Objects.requireNonNull(timeout, "timeout");
    }

    /** An agent with inline instructions (or none). */
    public AgentConfig(UUID id, String name, String description, String model, String instructions,
            List<String> tools, int maxSteps, BigDecimal maxCostUsd, Duration timeout, boolean parallelToolCalls,
            JsonNode responseFormat, long updatedEpochMilli) {
        this(id, name, description, model, instructions, tools, maxSteps, maxCostUsd, timeout, parallelToolCalls,
                responseFormat, updatedEpochMilli, null);
    }

    /** This agent with {@code text} as its instructions, as a run sends them once its template is rendered. */
    public AgentConfig withInstructions(String text) {
        return new AgentConfig(id, name, description, model, text, tools, maxSteps, maxCostUsd, timeout,
                parallelToolCalls, responseFormat, updatedEpochMilli, null);
    }

    /** Whether a requested model name asks for an agent. */
    public static boolean isAgentModel(String modelName) {
        return modelName != null && modelName.startsWith(MODEL_PREFIX);
    }

    /** The model name clients call this agent by. */
    public String modelName() {
        return MODEL_PREFIX + name;
    }
}
