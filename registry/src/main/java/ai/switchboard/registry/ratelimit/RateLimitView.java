package ai.switchboard.registry.ratelimit;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A rate limit as the admin API shows it (snake_case JSON).
 *
 * @param targetType {@code key}, {@code team} or {@code model}
 * @param target the target's name
 * @param targetId the target's id
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RateLimitView(
        UUID id,
        String targetType,
        String target,
        UUID targetId,
        Integer requestsPerMinute,
        Integer tokensPerMinute,
        Instant createdAt,
        Instant updatedAt) {
}
