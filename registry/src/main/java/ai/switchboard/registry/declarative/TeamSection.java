package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.team.TeamAdminService;
import ai.switchboard.registry.team.TeamCommand;
import ai.switchboard.registry.team.TeamEntity;
import ai.switchboard.registry.team.TeamRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code teams:} — created when missing, their description kept in line. Applied before keys, which name them. */
@Component
class TeamSection implements DeclarativeSection {

    private final TeamRepository teams;
    private final TeamAdminService service;

    TeamSection(TeamRepository teams, TeamAdminService service) {
        this.teams = teams;
        this.service = service;
    }

    @Override
    public String key() {
        return "teams";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            TeamEntry entry = context.bind(entries.get(i), path, TeamEntry.class, TeamEntry.FIELDS, Set.of());
            if (entry == null) {
                continue;
            }
            try {
                Optional<TeamEntity> existing = entry.name() == null ? Optional.empty()
                        : teams.findByName(entry.name());
                if (existing.isEmpty()) {
                    service.create(new TeamCommand(entry.name(), entry.description(), Set.of()), context.actor());
                    result = result.plus(SectionResult.ofCreated());
                } else if (Objects.equals(existing.get().getDescription(), entry.description())) {
                    result = result.plus(SectionResult.ofUnchanged());
                } else {
                    service.update(existing.get().getId().toString(), new TeamCommand(null, entry.description(),
                            entry.description() == null ? Set.of("description") : Set.of()), context.actor());
                    result = result.plus(SectionResult.ofUpdated());
                }
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    @Override
    public List<TeamEntry> export() {
        return teams.findAllByOrderByNameAsc().stream()
                .map(team -> new TeamEntry(team.getName(), team.getDescription())).toList();
    }

    @Override
    public String historyType() {
        return TeamAdminService.ENTITY;
    }
}
