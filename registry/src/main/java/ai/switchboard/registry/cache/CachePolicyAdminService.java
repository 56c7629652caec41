package ai.switchboard.registry.cache;

import ai.switchboard.registry.CacheTarget;
import ai.switchboard.registry.KeyScope;
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
import ai.switchboard.registry.route.RouteEntity;
import ai.switchboard.registry.route.RouteRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes response-cache policies: at most one per key, model or route. Blocking (JPA):
 * call it on the {@code registryScheduler}. Every change is audited, bumps the registry revision and is in the
 * snapshot when the method returns; a write that changes nothing does none of that. A policy goes with its target.
 */
@Service
@Transactional
public class CachePolicyAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "cache_policy";

    /** An hour: long enough for FAQ traffic, short enough that a stale answer does not linger. */
    public static final int DEFAULT_TTL_SECONDS = 3600;

    /** Thirty days; a longer-lived answer belongs in the application, not in a gateway cache. */
    public static final int MAX_TTL_SECONDS = 30 * 24 * 3600;

    /** 256 KiB of JSON: every ordinary chat answer, not a batch of embeddings of long documents. */
    public static final int DEFAULT_MAX_ENTRY_BYTES = 256 * 1024;

    /** 16 MiB, the largest entry a row of the shared tier is allowed to hold. */
    public static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

    /**
     * The least cosine similarity of a semantic hit: high, because a wrong answer costs more than a missed one; tuned
     * for sentence-embedding models such as OpenAI's text-embedding-3, whose paraphrases score above it.
     */
    public static final double DEFAULT_SIMILARITY_THRESHOLD = 0.95;

    /** Twenty earlier messages: beyond that, a conversation is agent traffic or too particular to share an answer. */
    public static final int MAX_CONTEXT_TURNS = 20;

    private static final String EXACT = "exact";
    private static final String SEMANTIC = "semantic";

    private final CachePolicyRepository policies;
    private final ApiKeyRepository keys;
    private final ModelRepository models;
    private final RouteRepository routes;
    private final RegistryChangeRecorder changes;

    public CachePolicyAdminService(CachePolicyRepository policies, ApiKeyRepository keys, ModelRepository models,
            RouteRepository routes, RegistryChangeRecorder changes) {
        this.policies = policies;
        this.keys = keys;
        this.models = models;
        this.routes = routes;
        this.changes = changes;
    }

    public CachePolicyView create(CachePolicyCreateCommand command, KeyGrantor grantor) {
        FieldErrors errors = new FieldErrors()
                .required("target_type", command.targetType())
                .required("target", command.target())
                .range("ttl_seconds", command.ttlSeconds(), 1, MAX_TTL_SECONDS)
                .range("max_entry_bytes", command.maxEntryBytes(), 1, MAX_ENTRY_BYTES);
        CacheTarget type = command.targetType() == null ? null : type(errors, command.targetType());
        if (Boolean.TRUE.equals(command.sharedAcrossTeams()) && type != null && type != CacheTarget.ROUTE) {
            errors.add("shared_across_teams", "only a route's cache can be shared across teams");
        }
        Target target = type == null || command.target() == null ? null
                : resolve(errors, type, command.target(), grantor);
        String mode = command.mode() == null ? EXACT : command.mode();
        UUID embeddingModel = semantic(errors, type, mode, command.embeddingModel(), command.similarityThreshold(),
                command.contextTurns());
        errors.throwIfAny();
        checkManages(grantor, type, target.id());
        if (find(type, target.id()).isPresent()) {
            throw new RegistryConflictException("The " + type.wireName() + " '" + target.name()
                    + "' already has a cache policy; change it with PATCH", "target");
        }
        Instant now = Instant.now();
        CachePolicyEntity policy = new CachePolicyEntity(UUID.randomUUID(), type, target.id(), now);
        policy.setEnabled(command.enabled() == null || command.enabled());
        policy.setTtlSeconds(command.ttlSeconds() == null ? DEFAULT_TTL_SECONDS : command.ttlSeconds());
        policy.setMaxEntryBytes(command.maxEntryBytes() == null ? DEFAULT_MAX_ENTRY_BYTES : command.maxEntryBytes());
        policy.setSharedAcrossTeams(Boolean.TRUE.equals(command.sharedAcrossTeams()));
        policy.setDeterministicOnly(command.deterministicOnly() == null || command.deterministicOnly());
        policy.setMode(mode);
        policy.setEmbeddingModelId(embeddingModel);
        policy.setSimilarityThreshold(command.similarityThreshold() == null ? DEFAULT_SIMILARITY_THRESHOLD
                : command.similarityThreshold());
        policy.setContextTurns(command.contextTurns() == null ? 0 : command.contextTurns());
        save(policy, target.name());
        changes.recordChange(grantor.actor(), "create", ENTITY, policy.getId(), target.name(), null,
                describe(policy, target), now);
        return view(policy, target);
    }

    /** Every policy the grantor may see: all of them, or for a team administrator its team's keys'. */
    @Transactional(readOnly = true)
    public List<CachePolicyView> list(KeyGrantor grantor) {
        return policies.findAllByOrderByCreatedAtAsc().stream().filter(policy -> sees(grantor, policy))
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public CachePolicyView get(String id, KeyGrantor grantor) {
        return view(find(id, grantor));
    }

    /** The policy on this target, if it has one ({@code target} a name or id); empty when the target is unknown. */
    @Transactional(readOnly = true)
    public Optional<CachePolicyView> findFor(CacheTarget type, String target) {
        Target resolved = resolve(new FieldErrors(), type, target, KeyGrantor.system("declarative"));
        return resolved == null ? Optional.empty() : find(type, resolved.id()).map(policy -> view(policy, resolved));
    }

    /** Changes the given settings; a change to nothing records and bumps nothing. */
    public CachePolicyView update(String id, CachePolicyUpdateCommand command, KeyGrantor grantor) {
        CachePolicyEntity policy = find(id, grantor);
        checkManages(grantor, policy.getTarget(), policy.getTargetId());
        FieldErrors errors = new FieldErrors()
                .range("ttl_seconds", command.ttlSeconds(), 1, MAX_TTL_SECONDS)
                .range("max_entry_bytes", command.maxEntryBytes(), 1, MAX_ENTRY_BYTES);
        if (Boolean.TRUE.equals(command.sharedAcrossTeams()) && policy.getTarget() != CacheTarget.ROUTE) {
            errors.add("shared_across_teams", "only a route's cache can be shared across teams");
        }
        String mode = command.mode() == null ? policy.getMode() : command.mode();
        String modelName = command.embeddingModel() != null ? command.embeddingModel()
                : policy.getEmbeddingModelId() == null ? null
                : models.findById(policy.getEmbeddingModelId()).map(ModelEntity::getName).orElse(null);
        UUID embeddingModel = semantic(errors, policy.getTarget(), mode, modelName, command.similarityThreshold(),
                command.contextTurns());
        errors.throwIfAny();
        Target target = target(policy);
        Map<String, Object> before = describe(policy, target);
        if (command.enabled() != null) {
            policy.setEnabled(command.enabled());
        }
        if (command.ttlSeconds() != null) {
            policy.setTtlSeconds(command.ttlSeconds());
        }
        if (command.maxEntryBytes() != null) {
            policy.setMaxEntryBytes(command.maxEntryBytes());
        }
        if (command.sharedAcrossTeams() != null) {
            policy.setSharedAcrossTeams(command.sharedAcrossTeams());
        }
        if (command.deterministicOnly() != null) {
            policy.setDeterministicOnly(command.deterministicOnly());
        }
        policy.setMode(mode);
        policy.setEmbeddingModelId(embeddingModel);
        if (command.similarityThreshold() != null) {
            policy.setSimilarityThreshold(command.similarityThreshold());
        }
        if (command.contextTurns() != null) {
            policy.setContextTurns(command.contextTurns());
        }
        Map<String, Object> after = describe(policy, target);
        if (after.equals(before)) {
            return view(policy, target);
        }
        Instant now = Instant.now();
        policy.touch(now);
        save(policy, target.name());
        changes.recordChange(grantor.actor(), "update", ENTITY, policy.getId(), target.name(), before, after, now);
        return view(policy, target);
    }

    public void delete(String id, KeyGrantor grantor) {
        CachePolicyEntity policy = find(id, grantor);
        checkManages(grantor, policy.getTarget(), policy.getTargetId());
        Target target = target(policy);
        policies.delete(policy);
        policies.flush();
        changes.recordChange(grantor.actor(), "delete", ENTITY, policy.getId(), target.name(),
                describe(policy, target), null, Instant.now());
    }

    /**
     * Checks the semantic settings; returns the embeddings model's id (the one named, for any mode, so that switching
     * a policy back to exact keeps it for later), or {@code null} when none is named.
     */
    private UUID semantic(FieldErrors errors, CacheTarget type, String mode, String embeddingModel, Double threshold,
            Integer contextTurns) {
        errors.range("context_turns", contextTurns, 0, MAX_CONTEXT_TURNS);
        if (threshold != null && (threshold.isNaN() || threshold <= 0 || threshold > 1)) {
            errors.add("similarity_threshold", "must be more than 0 and at most 1");
        }
        if (!EXACT.equals(mode) && !SEMANTIC.equals(mode)) {
            errors.add("mode", "must be one of [exact, semantic]");
            return null;
        }
        if (SEMANTIC.equals(mode) && type == CacheTarget.KEY) {
            errors.add("mode", "a semantic cache is set on a route or a model, not on a key");
        }
        if (embeddingModel == null) {
            if (SEMANTIC.equals(mode)) {
                errors.add("embedding_model", "a semantic cache needs an embeddings model from the registry");
            }
            return null;
        }
        Optional<ModelEntity> model = models.findByName(embeddingModel);
        if (model.isEmpty() || !model.get().getCapabilities().contains("embeddings")) {
            errors.add("embedding_model", "no model with this name has the embeddings capability");
            return null;
        }
        return model.get().getId();
    }

    /**
     * Whether the grantor may read a policy: an administrator or a viewer reads every one, a team administrator its
     * team's keys' (model and route policies are the organisation's).
     */
    private boolean sees(KeyGrantor grantor, CachePolicyEntity policy) {
        if (!grantor.teamBound() || grantor.scopes().contains(KeyScope.VIEWER)) {
            return true;
        }
        return policy.getTarget() == CacheTarget.KEY && grantor.teamId() != null
                && grantor.teamId().equals(keyTeam(policy.getTargetId()));
    }

    /**
     * Refuses a policy the grantor may not set: a team administrator caches its team's keys' answers (its own key's
     * too: caching lifts no limit, and the entries stay within the team), never a model's or a route's.
     */
    private void checkManages(KeyGrantor grantor, CacheTarget type, UUID targetId) {
        if (!grantor.teamBound()) {
            return;
        }
        if (type != CacheTarget.KEY) {
            throw new RegistryForbiddenException("target_type", "A team administrator sets its team's keys' cache"
                    + " policies; model and route policies are set by an administrator");
        }
        if (!grantor.manages(keyTeam(targetId))) {
            throw new RegistryForbiddenException("target", "The key is not one of this team's keys");
        }
    }

    private UUID keyTeam(UUID keyId) {
        return keys.findById(keyId).map(ApiKeyEntity::getTeamId).orElse(null);
    }

    /** The policy, if the grantor may see it: one it may not see is, to it, not there. */
    private CachePolicyEntity find(String id, KeyGrantor grantor) {
        UUID uuid = IdOrName.asUuid(id);
        return (uuid == null ? Optional.<CachePolicyEntity>empty() : policies.findById(uuid))
                .filter(policy -> sees(grantor, policy))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, id));
    }

    private Optional<CachePolicyEntity> find(CacheTarget type, UUID targetId) {
        return switch (type) {
            case KEY -> policies.findByKeyId(targetId);
            case MODEL -> policies.findByModelId(targetId);
            case ROUTE -> policies.findByRouteId(targetId);
        };
    }

    private static CacheTarget type(FieldErrors errors, String value) {
        try {
            return CacheTarget.fromWire(value);
        } catch (IllegalArgumentException e) {
            errors.add("target_type", "must be one of "
                    + Arrays.stream(CacheTarget.values()).map(CacheTarget::wireName).toList());
            return null;
        }
    }

    /**
     * The live target a name or id designates, or null with an error naming {@code target}. A key the grantor may not
     * see does not exist for it, so the answer does not tell another team's key names.
     */
    private Target resolve(FieldErrors errors, CacheTarget type, String idOrName, KeyGrantor grantor) {
        UUID id = IdOrName.asUuid(idOrName);
        Optional<Target> found = switch (type) {
            case KEY -> (id != null ? keys.findById(id).stream()
                    : keys.findByNameOrderByCreatedAtDesc(idOrName).stream())
                    .filter(key -> !key.isRevoked() && grantor.sees(key.getTeamId())).findFirst()
                    .map(key -> new Target(key.getId(), key.getName()));
            case MODEL -> (id != null ? models.findById(id) : models.findByName(idOrName))
                    .map(model -> new Target(model.getId(), model.getName()));
            case ROUTE -> (id != null ? routes.findById(id) : routes.findByName(idOrName))
                    .map(route -> new Target(route.getId(), route.getName()));
        };
        if (found.isEmpty()) {
            errors.add("target", "no " + (type == CacheTarget.KEY ? "live key" : type.wireName())
                    + " with this name or id");
            return null;
        }
        return found.get();
    }

    private Target target(CachePolicyEntity policy) {
        UUID id = policy.getTargetId();
        String name = switch (policy.getTarget()) {
            case KEY -> keys.findById(id).map(ApiKeyEntity::getName).orElse(null);
            case MODEL -> models.findById(id).map(ModelEntity::getName).orElse(null);
            case ROUTE -> routes.findById(id).map(RouteEntity::getName).orElse(null);
        };
        return new Target(id, name == null ? id.toString() : name);
    }

    private CachePolicyView view(CachePolicyEntity policy) {
        return view(policy, target(policy));
    }

    private String embeddingModelName(CachePolicyEntity policy) {
        return policy.getEmbeddingModelId() == null ? null
                : models.findById(policy.getEmbeddingModelId()).map(ModelEntity::getName).orElse(null);
    }

    private CachePolicyView view(CachePolicyEntity policy, Target target) {
        return new CachePolicyView(policy.getId(), policy.getTarget().wireName(), target.name(), target.id(),
                policy.isEnabled(), policy.getTtlSeconds(), policy.getMaxEntryBytes(), policy.isSharedAcrossTeams(),
                policy.isDeterministicOnly(), policy.getMode(), embeddingModelName(policy),
                policy.getSimilarityThreshold(), policy.getContextTurns(), policy.getCreatedAt(),
                policy.getUpdatedAt());
    }

    private void save(CachePolicyEntity policy, String name) {
        try {
            policies.saveAndFlush(policy);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, name, policy);
        }
    }

    private Map<String, Object> describe(CachePolicyEntity policy, Target target) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("target_type", policy.getTarget().wireName());
        detail.put("target", target.name());
        detail.put("target_id", target.id().toString());
        detail.put("enabled", policy.isEnabled());
        detail.put("ttl_seconds", policy.getTtlSeconds());
        detail.put("max_entry_bytes", policy.getMaxEntryBytes());
        detail.put("shared_across_teams", policy.isSharedAcrossTeams());
        detail.put("deterministic_only", policy.isDeterministicOnly());
        detail.put("mode", policy.getMode());
        detail.put("embedding_model", embeddingModelName(policy));
        detail.put("similarity_threshold", policy.getSimilarityThreshold());
        detail.put("context_turns", policy.getContextTurns());
        return detail;
    }

    private record Target(UUID id, String name) {
    }
}
