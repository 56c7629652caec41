package ai.switchboard.registry.schedule;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schedule as the admin API shows it (snake_case JSON), with when it fires next and how its last firing went.
 *
 * @param nextFireAt {@code null} when disabled
 * @param lastRunId the run its last firing started, or {@code null}
 * @param lastError why its last firing started no run, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentScheduleView(UUID id, String name, String agent, String cron, JsonNode input, String runAs,
        boolean enabled, Instant nextFireAt, Instant lastFiredAt, String lastRunId, String lastError,
        Instant createdAt, Instant updatedAt) {

    static AgentScheduleView of(AgentScheduleEntity s) {
        return new AgentScheduleView(s.getId(), s.getName(), s.getAgent(), s.getCron(),
                JsonMapper.shared().valueToTree(s.getInput()), s.getRunAs(), s.isEnabled(), s.getNextFireAt(),
                s.getLastFiredAt(), s.getLastRunId(), s.getLastError(), s.getCreatedAt(), s.getUpdatedAt());
    }
}
