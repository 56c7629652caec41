package ai.switchboard.registry.team;

import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.key.ApiKeyEntity;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, renames and deletes teams. Blocking (JPA): call it on the {@code registryScheduler}. Every change
 * is audited and in the snapshot when the method returns. A team with live keys cannot be deleted; its revoked keys
 * are detached (they keep their rows, and the audit trail keeps the team's id).
 */
@Service
@Transactional
public class TeamAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "team";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("description");

    static final int MAX_DESCRIPTION = 512;

    private final TeamRepository teams;
    private final ApiKeyRepository keys;
    private final RegistryChangeRecorder changes;

    public TeamAdminService(TeamRepository teams, ApiKeyRepository keys, RegistryChangeRecorder changes) {
        this.teams = teams;
        this.keys = keys;
        this.changes = changes;
    }

    public TeamView create(TeamCommand command, String actor) {
        new FieldErrors().required("name", command.name()).name("name", command.name())
                .text("description", command.description(), MAX_DESCRIPTION).throwIfAny();
        if (teams.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Instant now = Instant.now();
        TeamEntity team = new TeamEntity(UUID.randomUUID(), command.name(), command.description(), now);
        save(team);
        changes.recordChange(actor, "create", ENTITY, team.getId(), team.getName(), null, state(team), now);
        return TeamView.of(team, 0);
    }

    /** Every team, or only {@code onlyTeam} when it is set (a team administrator's view). */
    @Transactional(readOnly = true)
    public List<TeamView> list(UUID onlyTeam) {
        Map<UUID, Long> liveKeys = liveKeyCounts();
        return teams.findAllByOrderByNameAsc().stream()
                .filter(team -> onlyTeam == null || onlyTeam.equals(team.getId()))
                .map(team -> TeamView.of(team, liveKeys.getOrDefault(team.getId(), 0L))).toList();
    }

    /** The team with this id or name; "not found" for any other team than {@code onlyTeam} when that is set. */
    @Transactional(readOnly = true)
    public TeamView get(String idOrName, UUID onlyTeam) {
        TeamEntity team = find(idOrName);
        if (onlyTeam != null && !onlyTeam.equals(team.getId())) {
            throw new RegistryNotFoundException(ENTITY, idOrName);
        }
        return view(team);
    }

    public TeamView update(String idOrName, TeamCommand command, String actor) {
        TeamEntity team = find(idOrName);
        FieldErrors errors = new FieldErrors().name("name", command.name())
                .text("description", command.description(), MAX_DESCRIPTION);
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        errors.throwIfAny();
        String name = command.name() == null ? team.getName() : command.name();
        String description = command.clear().contains("description") ? null
                : command.description() == null ? team.getDescription() : command.description();
        if (name.equals(team.getName()) && Objects.equals(description, team.getDescription())) {
            return view(team);
        }
        if (!name.equals(team.getName()) && teams.existsByName(name)) {
            throw duplicate(name);
        }
        Map<String, Object> before = state(team);
        Instant now = Instant.now();
        team.setName(name);
        team.setDescription(description);
        team.touch(now);
        save(team);
        changes.recordChange(actor, "update", ENTITY, team.getId(), team.getName(), before, state(team), now);
        return view(team);
    }

    /** Deletes a team that has no live keys (409 naming how many it has). */
    public void delete(String idOrName, String actor) {
        TeamEntity team = find(idOrName);
        List<ApiKeyEntity> members = keys.findByTeamId(team.getId());
        long live = members.stream().filter(key -> !key.isRevoked()).count();
        if (live > 0) {
            throw new RegistryConflictException("Team '" + team.getName() + "' has " + live
                    + " live key(s); revoke them or move them to another team first");
        }
        for (ApiKeyEntity revoked : members) {
            revoked.setTeamId(null);
        }
        keys.saveAllAndFlush(members);
        try {
            teams.delete(team);
            teams.flush();
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, team.getName(), null); // something joined it meanwhile
        }
        changes.recordChange(actor, "delete", ENTITY, team.getId(), team.getName(), state(team), null, Instant.now());
    }

    private TeamView view(TeamEntity team) {
        return TeamView.of(team, liveKeyCounts().getOrDefault(team.getId(), 0L));
    }

    private Map<UUID, Long> liveKeyCounts() {
        Map<UUID, Long> counts = new LinkedHashMap<>();
        for (ApiKeyEntity key : keys.findByRevokedFalse()) {
            if (key.getTeamId() != null) {
                counts.merge(key.getTeamId(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private TeamEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? teams.findById(id) : teams.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(TeamEntity team) {
        ColumnLimits.check(team);
        try {
            teams.saveAndFlush(team);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, team.getName(), team);
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A team named '" + name + "' already exists", "name");
    }

    private static Map<String, Object> state(TeamEntity team) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("description", team.getDescription());
        return RegistryChangeRecorder.state(team.getName(), fields);
    }
}
