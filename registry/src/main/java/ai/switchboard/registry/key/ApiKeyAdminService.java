package ai.switchboard.registry.key;

import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import ai.switchboard.registry.team.TeamEntity;
import ai.switchboard.registry.team.TeamRepository;
import java.time.Duration;
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
 * Issues, lists, changes, rotates and revokes virtual API keys. Blocking (JPA): call it on the
 * {@code registryScheduler}. A revoked key keeps its row for the audit trail. Every change is audited (state before
 * and after) and in the snapshot when the method returns; a change to nothing records and bumps nothing. No key is
 * ever given more than its {@link KeyGrantor} holds, and a team administrator sees and changes only its own team's
 * keys (another team's key is "not found", so its existence does not leak).
 */
@Service
@Transactional
public class ApiKeyAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "api_key";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("expires_at", "team");

    /** The longest a rotated-out secret may keep working. */
    public static final Duration MAX_ROTATION_GRACE = Duration.ofDays(30);

    private final ApiKeyRepository keys;
    private final TeamRepository teams;
    private final KeyRules rules;
    private final RegistryChangeRecorder changes;
    private final ApiKeyGenerator generator = new ApiKeyGenerator();

    public ApiKeyAdminService(ApiKeyRepository keys, TeamRepository teams, KeyRules rules,
            RegistryChangeRecorder changes) {
        this.keys = keys;
        this.teams = teams;
        this.rules = rules;
        this.changes = changes;
    }

    /** Issues a new random key; the result carries its plaintext, which is not stored anywhere. */
    public ApiKeyCreated create(ApiKeyCreateCommand command, KeyGrantor grantor) {
        return install(command, generator.generate(), grantor);
    }

    /**
     * Stores a key whose plaintext the caller chose (the operator-provided bootstrap key, or a hash declared in the
     * file). Same rules as {@link #create}.
     */
    public ApiKeyCreated install(ApiKeyCreateCommand command, GeneratedApiKey key, KeyGrantor grantor) {
        Instant now = Instant.now();
        FieldErrors errors = new FieldErrors()
                .required("name", command.name()).name("name", command.name())
                .inFuture("expires_at", command.expiresAt(), now);
        List<String> scopes = rules.scopes(errors, command.scopes());
        List<String> allowedModels = rules.allowedModels(errors, command.allowedModels(), scopes);
        TeamEntity team = command.team() == null ? null : team(errors, command.team());
        errors.throwIfAny();
        grantor.checkGrant(scopes, allowedModels);
        KeyRules.checkAgentGrant(grantor, allowedModels);
        UUID teamId = team == null ? null : team.getId();
        if (grantor.teamBound()) {
            teamId = ownTeam(grantor, teamId);
        }
        if (keys.existsByNameAndRevokedFalse(command.name())) {
            throw duplicate(command.name());
        }
        ApiKeyEntity entity = new ApiKeyEntity(UUID.randomUUID(), command.name(), key, scopes, allowedModels,
                command.expiresAt(), now);
        entity.setTeamId(teamId);
        save(entity);
        changes.recordChange(grantor.actor(), "create", ENTITY, entity.getId(), entity.getName(), null,
                state(entity), now);
        return new ApiKeyCreated(view(entity), key.plaintext());
    }

    /** Every key the grantor may see: all of them for an administrator, its team's for a team administrator. */
    @Transactional(readOnly = true)
    public List<ApiKeyView> list(KeyGrantor grantor) {
        Map<UUID, String> teamNames = new LinkedHashMap<>();
        teams.findAll().forEach(team -> teamNames.put(team.getId(), team.getName()));
        return keys.findAllByOrderByCreatedAtAsc().stream()
                .filter(key -> grantor.sees(key.getTeamId()))
                .map(key -> ApiKeyView.of(key, teamNames.get(key.getTeamId()))).toList();
    }

    /** The key with this id, or the live key with this name (else the newest revoked one). */
    @Transactional(readOnly = true)
    public ApiKeyView get(String idOrName, KeyGrantor grantor) {
        ApiKeyEntity key = find(idOrName);
        if (!grantor.sees(key.getTeamId())) {
            throw new RegistryNotFoundException(ENTITY, idOrName);
        }
        return view(key);
    }

    /**
     * Changes a live key's name, scopes, allowed models, expiry or team (null fields keep their value, a cleared
     * {@code expires_at} means never, a cleared {@code team} none). The result may not hold more than the grantor
     * does, and a team administrator cannot move a key out of its team.
     */
    public ApiKeyView update(String idOrName, ApiKeyUpdateCommand command, KeyGrantor grantor) {
        ApiKeyEntity key = find(idOrName, grantor);
        if (key.isRevoked()) {
            throw new RegistryConflictException("Key '" + key.getName() + "' is revoked and cannot change");
        }
        Map<String, Object> before = state(key);
        Instant now = Instant.now();
        FieldErrors errors = new FieldErrors().name("name", command.name())
                .inFuture("expires_at", command.expiresAt(), now);
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        List<String> scopes = command.scopes() == null ? key.getScopes() : rules.scopes(errors, command.scopes());
        List<String> allowedModels = command.allowedModels() == null ? key.getAllowedModels()
                : rules.allowedModels(errors, command.allowedModels(), scopes);
        TeamEntity team = command.team() == null ? null : team(errors, command.team());
        errors.throwIfAny();
        grantor.checkGrant(scopes, allowedModels);
        KeyRules.checkAgentGrant(grantor, allowedModels);
        UUID teamId = command.clear().contains("team") ? null : team != null ? team.getId() : key.getTeamId();
        if (grantor.teamBound() && !Objects.equals(teamId, key.getTeamId())) {
            throw new RegistryForbiddenException("team", "A team administrator cannot move a key to another team");
        }
        String name = command.name() == null ? key.getName() : command.name();
        Instant expiresAt = command.clear().contains("expires_at") ? null
                : command.expiresAt() == null ? key.getExpiresAt() : command.expiresAt();
        if (name.equals(key.getName()) && scopes.equals(key.getScopes())
                && allowedModels.equals(key.getAllowedModels()) && Objects.equals(expiresAt, key.getExpiresAt())
                && Objects.equals(teamId, key.getTeamId())) {
            return view(key);
        }
        if (!name.equals(key.getName()) && keys.existsByNameAndRevokedFalse(name)) {
            throw duplicate(name);
        }
        key.change(name, scopes, allowedModels, expiresAt);
        key.setTeamId(teamId);
        save(key);
        changes.recordChange(grantor.actor(), "update", ENTITY, key.getId(), key.getName(), before, state(key), now);
        return view(key);
    }

    /**
     * Gives a live key a new secret, returned once. The old secret keeps working for {@code grace} (zero: it stops
     * now), on every replica, then stops; a secret from before an earlier rotation stops now.
     */
    public ApiKeyCreated rotate(String idOrName, Duration grace, KeyGrantor grantor) {
        ApiKeyEntity key = find(idOrName, grantor);
        if (key.isRevoked()) {
            throw new RegistryConflictException("Key '" + key.getName() + "' is revoked and cannot be rotated");
        }
        if (key.getPrefix().startsWith(GeneratedApiKey.HASH_PREFIX)) {
            throw new RegistryConflictException("Key '" + key.getName() + "' is declared by its hash in the "
                    + "configuration file; rotate it there by declaring the new key's hash");
        }
        if (grace.isNegative() || grace.compareTo(MAX_ROTATION_GRACE) > 0) {
            new FieldErrors().add("grace_period_seconds", "must be between 0 and " + MAX_ROTATION_GRACE.toSeconds())
                    .throwIfAny();
        }
        Map<String, Object> before = state(key);
        Instant now = Instant.now();
        GeneratedApiKey next = generator.generate();
        key.rotate(next, now, now.plus(grace));
        save(key);
        Map<String, Object> after = state(key);
        after.put("previous_key_expires_at", String.valueOf(key.getPreviousHashExpiresAt()));
        changes.recordChange(grantor.actor(), "rotate", ENTITY, key.getId(), key.getName(), before, after, now);
        return new ApiKeyCreated(view(key), next.plaintext());
    }

    /** Revokes the key; revoking a revoked key changes nothing and records nothing. */
    public ApiKeyView revoke(String idOrName, KeyGrantor grantor) {
        ApiKeyEntity key = find(idOrName, grantor);
        if (!key.isRevoked()) {
            Map<String, Object> before = state(key);
            Instant now = Instant.now();
            key.revoke(now);
            save(key);
            changes.recordChange(grantor.actor(), "revoke", ENTITY, key.getId(), key.getName(), before, state(key),
                    now);
        }
        return view(key);
    }

    /** Revokes the key as the gateway itself. */
    public ApiKeyView revoke(String idOrName, String actor) {
        return revoke(idOrName, KeyGrantor.system(actor));
    }

    private ApiKeyEntity find(String idOrName, KeyGrantor grantor) {
        ApiKeyEntity key = find(idOrName);
        if (!grantor.manages(key.getTeamId())) {
            throw new RegistryNotFoundException(ENTITY, idOrName);
        }
        return key;
    }

    private ApiKeyEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        if (id != null) {
            return keys.findById(id).orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
        }
        List<ApiKeyEntity> named = keys.findByNameOrderByCreatedAtDesc(idOrName);
        return named.stream().filter(k -> !k.isRevoked()).findFirst()
                .or(() -> named.stream().findFirst())
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private TeamEntity team(FieldErrors errors, String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        TeamEntity team = (id != null ? teams.findById(id) : teams.findByName(idOrName)).orElse(null);
        if (team == null) {
            errors.add("team", "no team with this name or id");
        }
        return team;
    }

    /** The team a team administrator's new key joins: its own, whatever was asked for. */
    private static UUID ownTeam(KeyGrantor grantor, UUID asked) {
        if (grantor.teamId() == null) {
            throw new RegistryForbiddenException("team", "This key belongs to no team, so it manages no keys");
        }
        if (asked != null && !asked.equals(grantor.teamId())) {
            throw new RegistryForbiddenException("team", "A team administrator can only issue keys of its own team");
        }
        return grantor.teamId();
    }

    private ApiKeyView view(ApiKeyEntity key) {
        return ApiKeyView.of(key, key.getTeamId() == null ? null
                : teams.findById(key.getTeamId()).map(TeamEntity::getName).orElse(null));
    }

    private void save(ApiKeyEntity key) {
        ColumnLimits.check(key);
        try {
            keys.saveAndFlush(key);
        } catch (DataAccessException e) {
            RuntimeException translated = DatabaseErrors.translate(e, "key", key.getName(), key);
            if (translated instanceof RegistryConflictException conflict && "hash".equals(conflict.field())) {
                throw new RegistryConflictException("This key is already registered", "key");
            }
            throw translated;
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("An active key named '" + name + "' already exists", "name");
    }

    private static Map<String, Object> state(ApiKeyEntity key) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("prefix", key.getPrefix());
        detail.put("scopes", key.getScopes());
        detail.put("allowed_models", key.getAllowedModels());
        detail.put("expires_at", key.getExpiresAt() == null ? null : key.getExpiresAt().toString());
        detail.put("team_id", key.getTeamId() == null ? null : key.getTeamId().toString());
        detail.put("revoked", key.isRevoked());
        return RegistryChangeRecorder.state(key.getName(), detail);
    }
}
