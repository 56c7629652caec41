package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An agent schedule in the declarative file, shaped like the admin API's. Absent fields keep their value. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentScheduleEntry(String name, String agent, String cron, JsonNode input, String runAs,
        Boolean enabled) {

    static final Set<String> FIELDS = Set.of("name", "agent", "cron", "input", "run_as", "enabled");
}
