package ai.switchboard.registry.route;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A partial change (PATCH): only non-null fields change. A new {@code policy} needs a {@code config} valid for it;
 * {@code config} and {@code fallbacks} replace the stored value as a whole.
 */
public record RouteUpdateCommand(
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
