package ai.switchboard.registry.key;

import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.model.ModelEntity;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.route.RouteRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes virtual API keys. Blocking (JPA): call it on the {@code registryScheduler}. A revoked key
 * keeps its row for the audit trail. Every change is audited and in the snapshot when the method returns.
 */
@Service
@Transactional
public class ApiKeyAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "api_key";

    private final ApiKeyRepository keys;
    private final ModelRepository models;
    private final RouteRepository routes;
    private final RegistryChangeRecorder changes;
    private final ApiKeyGenerator generator = new ApiKeyGenerator();

    public ApiKeyAdminService(ApiKeyRepository keys, ModelRepository models, RouteRepository routes,
            RegistryChangeRecorder changes) {
        this.routes = routes;
        this.keys = keys;
        this.models = models;
        this.changes = changes;
    }

    /** Issues a new random key; the result carries its plaintext, which is not stored anywhere. */
    public ApiKeyCreated create(ApiKeyCreateCommand command, String actor) {
        return install(command, generator.generate(), actor);
    }

    /**
     * Stores a key whose plaintext the caller chose (the operator-provided bootstrap key). Same rules as
     * {@link #create}.
     */
    public ApiKeyCreated install(ApiKeyCreateCommand command, GeneratedApiKey key, String actor) {
        Instant now = Instant.now();
        FieldErrors errors = new FieldErrors()
                .required("name", command.name()).name("name", command.name())
                .inFuture("expires_at", command.expiresAt(), now);
        List<String> scopes = scopes(errors, command.scopes());
        List<String> allowedModels = allowedModels(errors, command.allowedModels());
        errors.throwIfAny();
        if (keys.existsByNameAndRevokedFalse(command.name())) {
            throw new RegistryConflictException("An active key named '" + command.name() + "' already exists");
        }
        ApiKeyEntity entity = new ApiKeyEntity(UUID.randomUUID(), command.name(), key, scopes, allowedModels,
                command.expiresAt(), now);
        try {
            keys.saveAndFlush(entity);
        } catch (DataIntegrityViolationException e) {
            throw new RegistryConflictException("An active key named '" + command.name()
                    + "' already exists, or the key itself is already registered");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("prefix", entity.getPrefix());
        detail.put("scopes", scopes);
        detail.put("allowed_models", allowedModels);
        detail.put("expires_at", command.expiresAt() == null ? null : command.expiresAt().toString());
        changes.record(actor, "create", ENTITY, entity.getId(), entity.getName(), detail, now);
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

    /** Changes a live key's scopes, allowed models or expiry (null fields keep their value); audited. */
    public ApiKeyView update(String idOrName, ApiKeyUpdateCommand command, String actor) {
        ApiKeyEntity key = find(idOrName);
        if (key.isRevoked()) {
            throw new RegistryConflictException("Key '" + key.getName() + "' is revoked and cannot change");
        }
        Instant now = Instant.now();
        FieldErrors errors = new FieldErrors().inFuture("expires_at", command.expiresAt(), now);
        List<String> scopes = command.scopes() == null ? key.getScopes() : scopes(errors, command.scopes());
        List<String> allowedModels = command.allowedModels() == null ? key.getAllowedModels()
                : allowedModels(errors, command.allowedModels());
        errors.throwIfAny();
        Instant expiresAt = command.expiresAt() == null ? key.getExpiresAt() : command.expiresAt();
        key.changeMetadata(scopes, allowedModels, expiresAt);
        keys.saveAndFlush(key);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("prefix", key.getPrefix());
        detail.put("scopes", scopes);
        detail.put("allowed_models", allowedModels);
        detail.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        changes.record(actor, "update", ENTITY, key.getId(), key.getName(), detail, now);
        return ApiKeyView.of(key);
    }

    /** Revokes the key; revoking a revoked key changes nothing and records nothing. */
    public ApiKeyView revoke(String idOrName, String actor) {
        ApiKeyEntity key = find(idOrName);
        if (!key.isRevoked()) {
            Instant now = Instant.now();
            key.revoke(now);
            keys.saveAndFlush(key);
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

    private static List<String> scopes(FieldErrors errors, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of(KeyScope.INFERENCE.wireName());
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                result.add(KeyScope.fromWire(values.get(i)).wireName());
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add("scopes[" + i + "]", "unknown scope '" + values.get(i) + "'; expected one of "
                        + Arrays.stream(KeyScope.values()).map(KeyScope::wireName).toList());
            }
        }
        return new ArrayList<>(result);
    }

    private List<String> allowedModels(FieldErrors errors, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        Set<String> known = models.findByNameIn(values.stream().filter(Objects::nonNull).toList()).stream().map(ModelEntity::getName)
                .collect(Collectors.toSet());
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i);
            // A key may name routes as well: clients send both in the same "model" field.
            if (name == null || !(known.contains(name) || routes.existsByName(name))) {
                errors.add("allowed_models[" + i + "]", "no model or route named '" + name + "'");
            } else {
                result.add(name);
            }
        }
        return new ArrayList<>(result);
    }
}
