package ai.switchboard.registry.declarative;

import ai.switchboard.registry.CacheTarget;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.cache.CachePolicyAdminService;
import ai.switchboard.registry.cache.CachePolicyCreateCommand;
import ai.switchboard.registry.cache.CachePolicyUpdateCommand;
import ai.switchboard.registry.cache.CachePolicyView;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.key.KeyGrantor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code cache_policies:} — matched by target ({@code target_type} and {@code target}), after keys, models and routes
 * so a policy may name an entry declared in the same file. A policy the file leaves out is kept, as with every
 * section.
 */
@Component
class CachePolicySection implements DeclarativeSection {

    private final CachePolicyAdminService service;
    private final ApiKeyRepository keys;

    CachePolicySection(CachePolicyAdminService service, ApiKeyRepository keys) {
        this.service = service;
        this.keys = keys;
    }

    @Override
    public String key() {
        return "cache_policies";
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            CachePolicyEntry entry = context.bind(entries.get(i), path, CachePolicyEntry.class,
                    CachePolicyEntry.FIELDS, Set.of());
            if (entry == null) {
                continue;
            }
            try {
                result = result.plus(upsert(entry, KeyGrantor.system(context.actor())));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(CachePolicyEntry e, KeyGrantor grantor) {
        Optional<CachePolicyView> found = existing(e);
        if (found.isEmpty()) {
            service.create(new CachePolicyCreateCommand(e.targetType(), e.target(), e.enabled(), e.ttlSeconds(),
                    e.maxEntryBytes(), e.sharedAcrossTeams(), e.deterministicOnly(), e.mode(), e.embeddingModel(),
                    e.similarityThreshold(), e.contextTurns()), grantor);
            return SectionResult.ofCreated();
        }
        CachePolicyView policy = found.get();
        CachePolicyUpdateCommand change = new CachePolicyUpdateCommand(differs(e.enabled(), policy.enabled()),
                differs(e.ttlSeconds(), policy.ttlSeconds()), differs(e.maxEntryBytes(), policy.maxEntryBytes()),
                differs(e.sharedAcrossTeams(), policy.sharedAcrossTeams()),
                differs(e.deterministicOnly(), policy.deterministicOnly()), differs(e.mode(), policy.mode()),
                differs(e.embeddingModel(), policy.embeddingModel()),
                differs(e.similarityThreshold(), policy.similarityThreshold()),
                differs(e.contextTurns(), policy.contextTurns()));
        if (change.isEmpty()) {
            return SectionResult.ofUnchanged();
        }
        service.update(policy.id().toString(), change, grantor);
        return SectionResult.ofUpdated();
    }

    /** The policy already on the entry's target; empty when there is none or the entry is invalid (create says why). */
    private Optional<CachePolicyView> existing(CachePolicyEntry e) {
        if (e.targetType() == null || e.target() == null) {
            return Optional.empty();
        }
        try {
            return service.findFor(CacheTarget.fromWire(e.targetType()), e.target());
        } catch (IllegalArgumentException unknownType) {
            return Optional.empty();
        }
    }

    /** Exact policies are exported without the semantic settings, which mean nothing to them. */
    private static boolean semantic(CachePolicyView policy) {
        return "semantic".equals(policy.mode());
    }

    private static <T> T differs(T wanted, T current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }

    @Override
    public List<CachePolicyEntry> export() {
        Instant now = Instant.now();
        return service.list(KeyGrantor.system("export")).stream()
                .filter(policy -> !policy.targetType().equals(CacheTarget.KEY.wireName())
                        || keys.findById(policy.targetId()).filter(k -> !k.isRevoked() && k.activeAt(now))
                                .isPresent())
                .map(policy -> new CachePolicyEntry(policy.targetType(), policy.target(), policy.enabled(),
                        policy.ttlSeconds(), policy.maxEntryBytes(), policy.sharedAcrossTeams(),
                        policy.deterministicOnly(), semantic(policy) ? policy.mode() : null, policy.embeddingModel(),
                        semantic(policy) ? policy.similarityThreshold() : null,
                        semantic(policy) ? policy.contextTurns() : null))
                .toList();
    }

    @Override
    public String historyType() {
        return CachePolicyAdminService.ENTITY;
    }

    /** Audit rows name the target. */
    @Override
    public String entryName(JsonNode entry) {
        JsonNode target = entry.get("target");
        return target == null || !target.isString() ? null : target.asString();
    }
}
