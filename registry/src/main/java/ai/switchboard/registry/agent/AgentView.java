package ai.switchboard.registry.agent;

import ai.switchboard.registry.PromptReference;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An agent as the admin API shows it (snake_case JSON).
 *
 * @param model the model or route that plans
 * @param instructions inline text, or a prompt reference {@code {"prompt", "label"|"version"}}
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
        JsonNode instructions,
        List<String> tools,
        int maxSteps,
        BigDecimal maxCostUsd,
        int timeoutSeconds,
        boolean parallelToolCalls,
        JsonNode responseFormat,
        Instant createdAt,
        Instant updatedAt) {

    static AgentView of(AgentEntity a) {
        JsonNode instructions = a.getInstructionsPrompt() != null
                ? JsonMapper.shared().valueToTree(reference(a.getInstructionsPrompt()))
                : a.getInstructions() == null ? null : JsonNodeFactory.instance.stringNode(a.getInstructions());
        return new AgentView(a.getId(), a.getName(), a.getDescription(), a.getModel(), instructions,
                List.copyOf(a.getTools()), a.getMaxSteps(), AgentRules.plain(a.getMaxCostUsd()),
                a.getTimeoutSeconds(), a.isParallelToolCalls(),
                a.getResponseFormat() == null ? null : JsonMapper.shared().valueToTree(a.getResponseFormat()),
                a.getCreatedAt(), a.getUpdatedAt());
    }

    /** A prompt reference as the admin API, the file and the audit trail show it. */
    static Map<String, Object> reference(PromptReference reference) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("prompt", reference.prompt());
        if (reference.version() != null) {
            shown.put("version", reference.version());
        } else if (reference.label() != null) {
            shown.put("label", reference.label());
        }
        return shown;
    }
}
