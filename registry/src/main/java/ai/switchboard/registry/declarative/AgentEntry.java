package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An agent in the declarative file, shaped like the admin API's agent. Absent fields keep their value; {@code tools}
 * and {@code response_format}, when given, replace the stored ones.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentEntry(
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

    static final Set<String> FIELDS = Set.of("name", "description", "model", "instructions", "tools", "max_steps",
            "max_cost_usd", "timeout_seconds", "parallel_tool_calls", "response_format");
}
