package ai.switchboard.registry.route;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A route as the admin API shows it (snake_case JSON; {@code config} as stored). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RouteView(
        UUID id,
        String name,
        String description,
        String policy,
        Map<String, Object> config,
        List<String> fallbacks,
        Integer requestTimeoutMs,
        Integer attemptTimeoutMs,
        Integer firstTokenTimeoutMs,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    static RouteView of(RouteEntity r) {
        return new RouteView(r.getId(), r.getName(), r.getDescription(), r.getPolicy(), java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(r.getConfig())),
                List.copyOf(r.getFallbacks()), r.getRequestTimeoutMs(), r.getAttemptTimeoutMs(),
                r.getFirstTokenTimeoutMs(), r.isEnabled(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
