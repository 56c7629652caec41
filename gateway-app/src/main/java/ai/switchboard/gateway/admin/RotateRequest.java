package ai.switchboard.gateway.admin;

import java.time.Duration;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /admin/v1/keys/{id}:rotate}, optional.
 *
 * @param gracePeriodSeconds how long the old secret keeps working; absent means {@value #DEFAULT_GRACE_SECONDS}
 *     seconds, 0 stops it at once
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RotateRequest(Long gracePeriodSeconds) {

    static final long DEFAULT_GRACE_SECONDS = 3600;

    Duration grace() {
        return Duration.ofSeconds(gracePeriodSeconds == null ? DEFAULT_GRACE_SECONDS : gracePeriodSeconds);
    }
}
