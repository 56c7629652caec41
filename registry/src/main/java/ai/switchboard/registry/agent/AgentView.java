package ai.switchboard.registry.agent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent as the admin API shows it (snake_case JSON).
 *
 * @param model the model or route that plans
 * @param tools the granted tool names
 * @param maxCostUsd the most one run may cost, or {@code null}
 * @param responseFormat the JSON Schema of the final answer, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentView(
        UUID id,
        String name,
        String description,
        String model,
        String instructions,
        List<String> tools,
        int maxSteps,
        BigDecimal maxCostUsd,
        int timeoutSeconds,
        boolean parallelToolCalls,
        JsonNode responseFormat,
        Instant createdAt,
        Instant updatedAt) {

    static AgentView of(AgentEntity a) {
        return new AgentView(a.getId(), a.getName(), a.getDescription(), a.getModel(), a.getInstructions(),
                List.copyOf(a.getTools()), a.getMaxSteps(), AgentRules.plain(a.getMaxCostUsd()),
                a.getTimeoutSeconds(), a.isParallelToolCalls(),
                a.getResponseFormat() == null ? null : JsonMapper.shared().valueToTree(a.getResponseFormat()),
                a.getCreatedAt(), a.getUpdatedAt());
    }
}
