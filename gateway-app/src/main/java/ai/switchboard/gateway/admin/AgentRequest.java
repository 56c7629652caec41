package ai.switchboard.gateway.admin;

import ai.switchboard.registry.agent.AgentCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST} and {@code PATCH /admin/v1/agents}. {@code instructions} is JSON rather than a string so
 * that a prompt template reference can join it later; {@code response_format} is a JSON Schema object.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AgentRequest(
        String name,
        String description,
        String model,
        JsonNode instructions,
        List<String> tools,
        Integer maxSteps,
        BigDecimal maxCostUsd,
        Integer timeoutSeconds,
        Boolean parallelToolCalls,
        JsonNode responseFormat) {

    /** @param clear the optional fields the PATCH sent as {@code null} */
    AgentCommand toCommand(Set<String> clear) {
        return new AgentCommand(name, description, model, given(instructions), tools, maxSteps, maxCostUsd,
                timeoutSeconds, parallelToolCalls, given(responseFormat), clear);
    }

    /** A JSON {@code null} binds to a null node; the command carries it as "not given" (a PATCH lists it in clear). */
    private static JsonNode given(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
