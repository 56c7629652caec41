package ai.switchboard.registry.route;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A partial change (PATCH): only non-null fields change. A new {@code policy} needs a {@code config} valid for it;
 * {@code config} and {@code fallbacks} replace the stored value as a whole.
 *
 * @param clear optional fields to remove, by their admin API name ({@link RouteAdminService#CLEARABLE}); the admin
 *     API sends {@code null} for them
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
        Boolean enabled,
        Set<String> clear) {

    public RouteUpdateCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }
}
