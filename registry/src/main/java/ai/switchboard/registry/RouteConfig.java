package ai.switchboard.registry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A route as the request path sees it: a virtual model name served by a routing policy.
 *
 * @param policy the policy's name, e.g. {@code fallback} or {@code router}
 * @param config the policy's configuration, already validated for that policy (a read-only tree: never mutate it)
 * @param fallbacks model or route names tried, in order, after the policy's own choices failed
 * @param requestTimeout overrides the gateway's request timeout, or {@code null}
 * @param attemptTimeout overrides the per-attempt timeout, or {@code null}
 * @param firstTokenTimeout overrides the time-to-first-token limit of streams, or {@code null}
 * @param updatedEpochMilli changes on every update, so compiled policies can be cached per version
 */
public record RouteConfig(
        UUID id,
        String name,
        String description,
        String policy,
        JsonNode config,
        List<String> fallbacks,
        Duration requestTimeout,
        Duration attemptTimeout,
        Duration firstTokenTimeout,
        boolean enabled,
        long createdEpochSecond,
        long updatedEpochMilli) {

    public RouteConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(config, "config");
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }
}
