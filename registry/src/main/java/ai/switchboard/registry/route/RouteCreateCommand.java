package ai.switchboard.registry.route;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A new route. {@code config} is the policy's configuration (a JSON object); optional fields may be {@code null}:
 * no fallbacks, the gateway's default timeouts, enabled.
 */
public record RouteCreateCommand(
        String name,
        String description,
        String policy,
        JsonNode config,
        List<String> fallbacks,
        Integer requestTimeoutMs,
        Integer attemptTimeoutMs,
        Integer firstTokenTimeoutMs,
        Boolean enabled) {
}
