package ai.switchboard.registry.ratelimit;

import ai.switchboard.registry.RateLimitTarget;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.key.ApiKeyEntity;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.model.ModelEntity;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import ai.switchboard.registry.team.TeamEntity;
import ai.switchboard.registry.team.TeamRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes rate limits: at most one per key, team or model, each limiting requests per
 * minute, tokens per minute or both. Blocking (JPA): call it on the {@code registryScheduler}. Every change is
 * audited, bumps the registry revision and is in the snapshot (so enforced on every replica) when the method
 * returns; a write that changes nothing does none of that. A limit goes with its target when the target is deleted.
 */
@Service
@Transactional
public class RateLimitAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "rate_limit";

    /** The limits a PATCH may remove (one must remain). */
    public static final Set<String> CLEARABLE = Set.of("requests_per_minute", "tokens_per_minute");

    private final RateLimitRepository limits;
    private final ApiKeyRepository keys;
    private final TeamRepository teams;
    private final ModelRepository models;
    private final RegistryChangeRecorder changes;

    public RateLimitAdminService(RateLimitRepository limits, ApiKeyRepository keys, TeamRepository teams,
            ModelRepository models, RegistryChangeRecorder changes) {
        this.limits = limits;
        this.keys = keys;
        this.teams = teams;
        this.models = models;
        this.changes = changes;
    }

    public RateLimitView create(RateLimitCreateCommand command, String actor) {
        FieldErrors errors = new FieldErrors()
                .required("target_type", command.targetType())
                .required("target", command.target())
                .positive("requests_per_minute", command.requestsPerMinute())
                .positive("tokens_per_minute", command.tokensPerMinute());
        if (command.requestsPerMinute() == null && command.tokensPerMinute() == null) {
            errors.add("requests_per_minute", "give requests_per_minute, tokens_per_minute or both");
        }
        RateLimitTarget type = command.targetType() == null ? null : type(errors, command.targetType());
        Target target = type == null || command.target() == null ? null : resolve(errors, type, command.target());
        errors.throwIfAny();
        if (find(type, target.id()).isPresent()) {
            throw new RegistryConflictException("The " + type.wireName() + " '" + target.name()
                    + "' already has a rate limit; change it with PATCH", "target");
        }
        Instant now = Instant.now();
        RateLimitEntity limit = new RateLimitEntity(UUID.randomUUID(), type, target.id(), now);
        limit.setRequestsPerMinute(command.requestsPerMinute());
        limit.setTokensPerMinute(command.tokensPerMinute());
        save(limit, target.name());
        changes.record(actor, "create", ENTITY, limit.getId(), target.name(), describe(limit, target), now);
        return view(limit, target);
    }

    @Transactional(readOnly = true)
    public List<RateLimitView> list() {
        return limits.findAllByOrderByCreatedAtAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public RateLimitView get(String id) {
        return view(find(id));
    }

    /** The limit on this target, if it has one ({@code target} a name or id); empty when the target is unknown. */
    @Transactional(readOnly = true)
    public Optional<RateLimitView> findFor(RateLimitTarget type, String target) {
        Target resolved = resolve(new FieldErrors(), type, target);
        return resolved == null ? Optional.empty() : find(type, resolved.id()).map(limit -> view(limit, resolved));
    }

    /** Changes the given limits and removes the cleared ones; a change to nothing records and bumps nothing. */
    public RateLimitView update(String id, RateLimitUpdateCommand command, String actor) {
        RateLimitEntity limit = find(id);
        FieldErrors errors = new FieldErrors()
                .positive("requests_per_minute", command.requestsPerMinute())
                .positive("tokens_per_minute", command.tokensPerMinute());
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        Integer requests = next(command, "requests_per_minute", command.requestsPerMinute(),
                limit.getRequestsPerMinute());
        Integer tokens = next(command, "tokens_per_minute", command.tokensPerMinute(), limit.getTokensPerMinute());
        if (errors.isEmpty() && requests == null && tokens == null) {
            errors.add(command.clear().contains("requests_per_minute") ? "requests_per_minute" : "tokens_per_minute",
                    "cannot be removed: a rate limit needs "
                    + "requests_per_minute, tokens_per_minute or both (delete the limit instead)");
        }
        errors.throwIfAny();
        Target target = target(limit);
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!Objects.equals(requests, limit.getRequestsPerMinute())) {
            limit.setRequestsPerMinute(requests);
            changed.put("requests_per_minute", requests);
        }
        if (!Objects.equals(tokens, limit.getTokensPerMinute())) {
            limit.setTokensPerMinute(tokens);
            changed.put("tokens_per_minute", tokens);
        }
        if (changed.isEmpty()) {
            return view(limit, target);
        }
        Instant now = Instant.now();
        limit.touch(now);
        save(limit, target.name());
        changes.record(actor, "update", ENTITY, limit.getId(), target.name(), changed, now);
        return view(limit, target);
    }

    public void delete(String id, String actor) {
        RateLimitEntity limit = find(id);
        Target target = target(limit);
        limits.delete(limit);
        limits.flush();
        changes.record(actor, "delete", ENTITY, limit.getId(), target.name(), describe(limit, target),
                Instant.now());
    }

    private static Integer next(RateLimitUpdateCommand command, String field, Integer given, Integer stored) {
        return command.clear().contains(field) ? null : given != null ? given : stored;
    }

    private RateLimitEntity find(String id) {
        UUID uuid = IdOrName.asUuid(id);
        return (uuid == null ? Optional.<RateLimitEntity>empty() : limits.findById(uuid))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, id));
    }

    private Optional<RateLimitEntity> find(RateLimitTarget type, UUID targetId) {
        return switch (type) {
            case KEY -> limits.findByKeyId(targetId);
            case TEAM -> limits.findByTeamId(targetId);
            case MODEL -> limits.findByModelId(targetId);
        };
    }

    private static RateLimitTarget type(FieldErrors errors, String value) {
        try {
            return RateLimitTarget.fromWire(value);
        } catch (IllegalArgumentException e) {
            errors.add("target_type", "must be one of "
                    + Arrays.stream(RateLimitTarget.values()).map(RateLimitTarget::wireName).toList());
            return null;
        }
    }

    /** The live target a name or id designates, or null with an error naming {@code target}. */
    private Target resolve(FieldErrors errors, RateLimitTarget type, String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        Optional<Target> found = switch (type) {
            case KEY -> (id != null ? keys.findById(id).stream()
                    : keys.findByNameOrderByCreatedAtDesc(idOrName).stream())
                    .filter(key -> !key.isRevoked()).findFirst().map(RateLimitAdminService::target);
            case TEAM -> (id != null ? teams.findById(id) : teams.findByName(idOrName))
                    .map(team -> new Target(team.getId(), team.getName()));
            case MODEL -> (id != null ? models.findById(id) : models.findByName(idOrName))
                    .map(model -> new Target(model.getId(), model.getName()));
        };
        if (found.isEmpty()) {
            errors.add("target", "no " + (type == RateLimitTarget.KEY ? "live key" : type.wireName())
                    + " with this name or id");
            return null;
        }
        return found.get();
    }

    private Target target(RateLimitEntity limit) {
        UUID id = limit.getTargetId();
        String name = switch (limit.getTarget()) {
            case KEY -> keys.findById(id).map(ApiKeyEntity::getName).orElse(null);
            case TEAM -> teams.findById(id).map(TeamEntity::getName).orElse(null);
            case MODEL -> models.findById(id).map(ModelEntity::getName).orElse(null);
        };
        return new Target(id, name == null ? id.toString() : name);
    }

    private static Target target(ApiKeyEntity key) {
        return new Target(key.getId(), key.getName());
    }

    private RateLimitView view(RateLimitEntity limit) {
        return view(limit, target(limit));
    }

    private static RateLimitView view(RateLimitEntity limit, Target target) {
        return new RateLimitView(limit.getId(), limit.getTarget().wireName(), target.name(), target.id(),
                limit.getRequestsPerMinute(), limit.getTokensPerMinute(), limit.getCreatedAt(),
                limit.getUpdatedAt());
    }

    private void save(RateLimitEntity limit, String name) {
        try {
            limits.saveAndFlush(limit);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, name, limit);
        }
    }

    private static Map<String, Object> describe(RateLimitEntity limit, Target target) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("target_type", limit.getTarget().wireName());
        detail.put("target", target.name());
        detail.put("target_id", target.id().toString());
        detail.put("requests_per_minute", limit.getRequestsPerMinute());
        detail.put("tokens_per_minute", limit.getTokensPerMinute());
        return detail;
    }

    private record Target(UUID id, String name) {
    }
}
