package ai.switchboard.gateway.admin;

import ai.switchboard.registry.route.RouteCreateCommand;
import ai.switchboard.registry.route.RouteUpdateCommand;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST} and {@code PATCH /admin/v1/routes}; {@code config} is the policy's JSON object. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RouteRequest(
        String name,
        String description,
        String policy,
        JsonNode config,
        List<String> fallbacks,
        Integer requestTimeoutMs,
        Integer attemptTimeoutMs,
        Integer firstTokenTimeoutMs,
        Boolean enabled) {

    RouteCreateCommand toCreate() {
        return new RouteCreateCommand(name, description, policy, config, fallbacks, requestTimeoutMs,
                attemptTimeoutMs, firstTokenTimeoutMs, enabled);
    }

    /** @param clear the optional fields the PATCH sent as {@code null} */
    RouteUpdateCommand toUpdate(Set<String> clear) {
        return new RouteUpdateCommand(name, description, policy, config, fallbacks, requestTimeoutMs,
                attemptTimeoutMs, firstTokenTimeoutMs, enabled, clear);
    }
}
