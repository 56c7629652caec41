package ai.switchboard.registry.key;

import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
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
 * Issues, lists, changes and revokes virtual API keys. Blocking (JPA): call it on the {@code registryScheduler}. A
 * revoked key keeps its row for the audit trail. Every change is audited and in the snapshot when the method
 * returns; a change to nothing records and bumps nothing. No key is ever given more than its {@link KeyGrantor}
 * holds.
 */
@Service
@Transactional
public class ApiKeyAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "api_key";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("expires_at");

    private final ApiKeyRepository keys;
    private final KeyRules rules;
    private final RegistryChangeRecorder changes;
    private final ApiKeyGenerator generator = new ApiKeyGenerator();

    public ApiKeyAdminService(ApiKeyRepository keys, KeyRules rules, RegistryChangeRecorder changes) {
        this.keys = keys;
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
        errors.throwIfAny();
        grantor.checkGrant(scopes, allowedModels);
        if (keys.existsByNameAndRevokedFalse(command.name())) {
            throw duplicate(command.name());
        }
        ApiKeyEntity entity = new ApiKeyEntity(UUID.randomUUID(), command.name(), key, scopes, allowedModels,
                command.expiresAt(), now);
        save(entity);
        changes.record(grantor.actor(), "create", ENTITY, entity.getId(), entity.getName(), describe(entity), now);
        return new ApiKeyCreated(ApiKeyView.of(entity), key.plaintext());
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        return keys.findAllByOrderByCreatedAtAsc().stream().map(ApiKeyView::of).toList();
    }

    /** The key with this id, or the live key with this name (else the newest revoked one). */
    @Transactional(readOnly = true)
    public ApiKeyView get(String idOrName) {
        return ApiKeyView.of(find(idOrName));
    }

    /**
     * Changes a live key's name, scopes, allowed models or expiry (null fields keep their value, a cleared
     * {@code expires_at} means never). The result may not hold more than the grantor does.
     */
    public ApiKeyView update(String idOrName, ApiKeyUpdateCommand command, KeyGrantor grantor) {
        ApiKeyEntity key = find(idOrName);
        if (key.isRevoked()) {
            throw new RegistryConflictException("Key '" + key.getName() + "' is revoked and cannot change");
        }
        Instant now = Instant.now();
        FieldErrors errors = new FieldErrors().name("name", command.name())
                .inFuture("expires_at", command.expiresAt(), now);
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        List<String> scopes = command.scopes() == null ? key.getScopes() : rules.scopes(errors, command.scopes());
        List<String> allowedModels = command.allowedModels() == null ? key.getAllowedModels()
                : rules.allowedModels(errors, command.allowedModels(), scopes);
        errors.throwIfAny();
        grantor.checkGrant(scopes, allowedModels);
        String name = command.name() == null ? key.getName() : command.name();
        Instant expiresAt = command.clear().contains("expires_at") ? null
                : command.expiresAt() == null ? key.getExpiresAt() : command.expiresAt();
        if (name.equals(key.getName()) && scopes.equals(key.getScopes())
                && allowedModels.equals(key.getAllowedModels()) && Objects.equals(expiresAt, key.getExpiresAt())) {
            return ApiKeyView.of(key);
        }
        if (!name.equals(key.getName()) && keys.existsByNameAndRevokedFalse(name)) {
            throw duplicate(name);
        }
        String previousName = key.getName();
        key.change(name, scopes, allowedModels, expiresAt);
        save(key);
        Map<String, Object> detail = describe(key);
        if (!previousName.equals(name)) {
            detail.put("previous_name", previousName);
        }
        changes.record(grantor.actor(), "update", ENTITY, key.getId(), key.getName(), detail, now);
        return ApiKeyView.of(key);
    }

    /** Revokes the key; revoking a revoked key changes nothing and records nothing. */
    public ApiKeyView revoke(String idOrName, String actor) {
        ApiKeyEntity key = find(idOrName);
        if (!key.isRevoked()) {
            Instant now = Instant.now();
            key.revoke(now);
            save(key);
            changes.record(actor, "revoke", ENTITY, key.getId(), key.getName(), Map.of("prefix", key.getPrefix()),
                    now);
        }
        return ApiKeyView.of(key);
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

    private static Map<String, Object> describe(ApiKeyEntity key) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("prefix", key.getPrefix());
        detail.put("scopes", key.getScopes());
        detail.put("allowed_models", key.getAllowedModels());
        detail.put("expires_at", key.getExpiresAt() == null ? null : key.getExpiresAt().toString());
        return detail;
    }
}
