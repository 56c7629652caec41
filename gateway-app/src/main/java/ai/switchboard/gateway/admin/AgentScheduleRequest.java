package ai.switchboard.gateway.admin;

import ai.switchboard.registry.schedule.AgentScheduleCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST} and {@code PATCH /admin/v1/agent-schedules}; {@code input} is a chat request body. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AgentScheduleRequest(String name, String agent, String cron, JsonNode input, String runAs, Boolean enabled) {

    AgentScheduleCommand toCommand() {
        return new AgentScheduleCommand(name, agent, cron, input == null || input.isNull() ? null : input, runAs,
                enabled);
    }
}
