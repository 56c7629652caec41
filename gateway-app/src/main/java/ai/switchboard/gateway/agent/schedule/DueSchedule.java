package ai.switchboard.gateway.agent.schedule;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A schedule whose next firing has come: {@code dueAt} is the {@code next_fire_at} to claim. */
public record DueSchedule(UUID id, String name, String agent, String cron, JsonNode input, String runAs,
        Instant dueAt) {
}
