package ai.switchboard.registry.ratelimit;

import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RateLimitTarget;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.key.ApiKeyEntity;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.model.ModelEntity;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import ai.switchboard.registry.team.TeamEntity;
import ai.switchboard.registry.team.TeamRepository;
import java.time.Instant;
import java.util.ArrayList;
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

    public RateLimitView create(RateLimitCreateCommand command, KeyGrantor grantor) {
        FieldErrors errors = new FieldErrors()
                .required("target_type", command.targetType())
                .required("target", command.target())
                .positive("requests_per_minute", command.requestsPerMinute())
                .positive("tokens_per_minute", command.tokensPerMinute());
        if (command.requestsPerMinute() == null && command.tokensPerMinute() == null) {
            errors.add("requests_per_minute", "give requests_per_minute, tokens_per_minute or both");
        }
        RateLimitTarget type = command.targetType() == null ? null : type(errors, command.targetType());
        Target target = type == null || command.target() == null ? null
                : resolve(errors, type, command.target(), grantor);
        errors.throwIfAny();
        checkManages(grantor, type, target.id());
        checkWithinOwn(grantor, command.requestsPerMinute(), command.tokensPerMinute());
        if (find(type, target.id()).isPresent()) {
            throw new RegistryConflictException("The " + type.wireName() + " '" + target.name()
                    + "' already has a rate limit; change it with PATCH", "target");
        }
        Instant now = Instant.now();
        RateLimitEntity limit = new RateLimitEntity(UUID.randomUUID(), type, target.id(), now);
        limit.setRequestsPerMinute(command.requestsPerMinute());
        limit.setTokensPerMinute(command.tokensPerMinute());
        save(limit, target.name());
        changes.recordChange(grantor.actor(), "create", ENTITY, limit.getId(), target.name(), null,
                describe(limit, target), now);
        return view(limit, target);
    }

    /** Every limit the grantor may see: all of them, or for a team administrator its team's and its keys'. */
    @Transactional(readOnly = true)
    public List<RateLimitView> list(KeyGrantor grantor) {
        return limits.findAllByOrderByCreatedAtAsc().stream().filter(limit -> sees(grantor, limit)).map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public RateLimitView get(String id, KeyGrantor grantor) {
        return view(find(id, grantor));
    }

    /** The limit on this target, if it has one ({@code target} a name or id); empty when the target is unknown. */
    @Transactional(readOnly = true)
    public Optional<RateLimitView> findFor(RateLimitTarget type, String target) {
        Target resolved = resolve(new FieldErrors(), type, target, KeyGrantor.system("declarative"));
        return resolved == null ? Optional.empty() : find(type, resolved.id()).map(limit -> view(limit, resolved));
    }

    /** Changes the given limits and removes the cleared ones; a change to nothing records and bumps nothing. */
    public RateLimitView update(String id, RateLimitUpdateCommand command, KeyGrantor grantor) {
        RateLimitEntity limit = find(id, grantor);
        checkManages(grantor, limit.getTarget(), limit.getTargetId());
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
        checkWithinOwn(grantor, requests, tokens);
        Target target = target(limit);
        Map<String, Object> before = describe(limit, target);
        if (Objects.equals(requests, limit.getRequestsPerMinute())
                && Objects.equals(tokens, limit.getTokensPerMinute())) {
            return view(limit, target);
        }
        limit.setRequestsPerMinute(requests);
        limit.setTokensPerMinute(tokens);
        Instant now = Instant.now();
        limit.touch(now);
        save(limit, target.name());
        changes.recordChange(grantor.actor(), "update", ENTITY, limit.getId(), target.name(), before,
                describe(limit, target), now);
        return view(limit, target);
    }

    public void delete(String id, KeyGrantor grantor) {
        RateLimitEntity limit = find(id, grantor);
        checkManages(grantor, limit.getTarget(), limit.getTargetId());
        Target target = target(limit);
        limits.delete(limit);
        limits.flush();
        changes.recordChange(grantor.actor(), "delete", ENTITY, limit.getId(), target.name(),
                describe(limit, target), null, Instant.now());
    }

    /**
     * Whether the grantor may read a limit: an administrator or a viewer reads every one, a team administrator its
     * own team's and its team's keys' (model limits are the organisation's).
     */
    private boolean sees(KeyGrantor grantor, RateLimitEntity limit) {
        if (!grantor.teamBound() || grantor.scopes().contains(KeyScope.VIEWER)) {
            return true;
        }
        return switch (limit.getTarget()) {
            case TEAM -> limit.getTargetId().equals(grantor.teamId());
            case KEY -> grantor.teamId() != null && grantor.teamId().equals(keyTeam(limit.getTargetId()));
            case MODEL -> false;
        };
    }

    /**
     * Refuses a limit the grantor may not set: a team administrator limits its team's keys only, never its own key or
     * its team (either would let it lift its own limit).
     */
    private void checkManages(KeyGrantor grantor, RateLimitTarget type, UUID targetId) {
        if (!grantor.teamBound()) {
            return;
        }
        if (type != RateLimitTarget.KEY) {
            throw new RegistryForbiddenException("target_type", "A team administrator limits its team's keys; team"
                    + " and model limits are set by an administrator");
        }
        if (!grantor.managesLimitsOf(targetId, keyTeam(targetId))) {
            throw new RegistryForbiddenException("target", targetId.equals(grantor.keyId())
                    ? "A key cannot change its own rate limit" : "The key is not one of this team's keys");
        }
    }

    /**
     * Refuses giving a key a higher rate than its grantor has: at most the limit on the grantor's own key and on its
     * team, for each of requests and tokens per minute that the grantor is limited in.
     */
    private void checkWithinOwn(KeyGrantor grantor, Integer requests, Integer tokens) {
        if (!grantor.teamBound()) {
            return;
        }
        List<RateLimitEntity> own = new ArrayList<>(2);
        if (grantor.keyId() != null) {
            limits.findByKeyId(grantor.keyId()).ifPresent(own::add);
        }
        if (grantor.teamId() != null) {
            limits.findByTeamId(grantor.teamId()).ifPresent(own::add);
        }
        for (RateLimitEntity limit : own) {
            if (requests != null && limit.getRequestsPerMinute() != null && requests > limit.getRequestsPerMinute()) {
                throw aboveOwn("requests_per_minute", limit.getRequestsPerMinute());
            }
            if (tokens != null && limit.getTokensPerMinute() != null && tokens > limit.getTokensPerMinute()) {
                throw aboveOwn("tokens_per_minute", limit.getTokensPerMinute());
            }
        }
    }

    private static RegistryForbiddenException aboveOwn(String field, int own) {
        return new RegistryForbiddenException(field, "A key cannot be given more than its grantor's own " + field
                + " (" + own + ")");
    }

    private UUID keyTeam(UUID keyId) {
        return keys.findById(keyId).map(ApiKeyEntity::getTeamId).orElse(null);
    }

    private static Integer next(RateLimitUpdateCommand command, String field, Integer given, Integer stored) {
        return command.clear().contains(field) ? null : given != null ? given : stored;
    }

    /** The limit, if the grantor may see it: one it may not see is, to it, not there. */
    private RateLimitEntity find(String id, KeyGrantor grantor) {
        UUID uuid = IdOrName.asUuid(id);
        return (uuid == null ? Optional.<RateLimitEntity>empty() : limits.findById(uuid))
                .filter(limit -> sees(grantor, limit))
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

    /**
     * The live target a name or id designates, or null with an error naming {@code target}. A key the grantor may not
     * see does not exist for it, so the answer does not tell another team's key names.
     */
    private Target resolve(FieldErrors errors, RateLimitTarget type, String idOrName, KeyGrantor grantor) {
        UUID id = IdOrName.asUuid(idOrName);
        Optional<Target> found = switch (type) {
            case KEY -> (id != null ? keys.findById(id).stream()
                    : keys.findByNameOrderByCreatedAtDesc(idOrName).stream())
                    .filter(key -> !key.isRevoked() && grantor.sees(key.getTeamId())).findFirst()
                    .map(RateLimitAdminService::target);
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
