package ai.switchboard.gateway.admin;

import ai.switchboard.registry.team.TeamCommand;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST} and {@code PATCH /admin/v1/teams}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TeamRequest(String name, String description) {

    /** @param clear the optional fields a PATCH sent as {@code null} */
    TeamCommand toCommand(Set<String> clear) {
        return new TeamCommand(name, description, clear);
    }
}
