package ai.switchboard.registry.schedule;

import tools.jackson.databind.JsonNode;

/**
 * A new schedule, or a change to one ({@code null} fields keep their value).
 *
 * @param cron six fields with seconds, as Spring's {@code CronExpression} reads them, in UTC
 * @param input the chat request body of each run: {@code messages} and sampling settings, no {@code model}
 * @param runAs the name of the live key runs start as
 */
public record AgentScheduleCommand(String name, String agent, String cron, JsonNode input, String runAs,
        Boolean enabled) {
}
