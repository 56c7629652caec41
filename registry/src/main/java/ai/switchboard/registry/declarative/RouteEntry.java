package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A route in the declarative file, shaped like the admin API's route: {@code config} is the policy's configuration.
 * Absent fields keep their value; {@code config} and {@code fallbacks}, when given, replace the stored ones.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteEntry(
        String name,
        String description,
        String policy,
        JsonNode config,
        List<String> fallbacks,
        Integer requestTimeoutMs,
        Integer attemptTimeoutMs,
        Integer firstTokenTimeoutMs,
        Boolean enabled) {

    static final Set<String> FIELDS = Set.of("name", "description", "policy", "config", "fallbacks",
            "request_timeout_ms", "attempt_timeout_ms", "first_token_timeout_ms", "enabled");
}
