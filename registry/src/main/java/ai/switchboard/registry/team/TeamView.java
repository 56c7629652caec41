package ai.switchboard.registry.team;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A team as the admin API shows it; {@code key_count} counts its live keys. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TeamView(UUID id, String name, String description, long keyCount, Instant createdAt,
        Instant updatedAt) {

    static TeamView of(TeamEntity team, long keyCount) {
        return new TeamView(team.getId(), team.getName(), team.getDescription(), keyCount, team.getCreatedAt(),
                team.getUpdatedAt());
    }
}
