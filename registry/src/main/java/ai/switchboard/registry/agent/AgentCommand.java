package ai.switchboard.registry.agent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A new agent, or a change to one ({@code null} fields keep their value; {@code tools}, when given, replaces the
 * granted tools).
 *
 * @param model a model or route name
 * @param instructions inline text; kept as JSON so that a reference to a prompt template
 *     ({@code {"prompt": name, "label"|"version": ...}}) can join later without a new field
 * @param tools the tool names granted (none by default)
 * @param responseFormat a JSON Schema the final answer must match
 * @param clear optional fields a change removes ({@link AgentAdminService#CLEARABLE})
 */
public record AgentCommand(
        String name,
        String description,
        String model,
        JsonNode instructions,
        List<String> tools,
        Integer maxSteps,
        BigDecimal maxCostUsd,
        Integer timeoutSeconds,
        Boolean parallelToolCalls,
        JsonNode responseFormat,
        Set<String> clear) {

    public AgentCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }
}
