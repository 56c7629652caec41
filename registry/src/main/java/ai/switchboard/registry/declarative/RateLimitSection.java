package ai.switchboard.registry.declarative;

import ai.switchboard.registry.RateLimitTarget;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.ratelimit.RateLimitAdminService;
import ai.switchboard.registry.ratelimit.RateLimitCreateCommand;
import ai.switchboard.registry.ratelimit.RateLimitUpdateCommand;
import ai.switchboard.registry.ratelimit.RateLimitView;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code rate_limits:} — matched by target ({@code target_type} and {@code target}), after keys and models so a
 * limit may name an entry declared in the same file. A limit the file leaves out is kept, as with every section.
 */
@Component
class RateLimitSection implements DeclarativeSection {

    private final RateLimitAdminService service;
    private final ApiKeyRepository keys;

    RateLimitSection(RateLimitAdminService service, ApiKeyRepository keys) {
        this.service = service;
        this.keys = keys;
    }

    @Override
    public String key() {
        return "rate_limits";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            RateLimitEntry entry = context.bind(entries.get(i), path, RateLimitEntry.class, RateLimitEntry.FIELDS,
                    Set.of());
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

    private SectionResult upsert(RateLimitEntry e, KeyGrantor grantor) {
        Optional<RateLimitView> found = existing(e);
        if (found.isEmpty()) {
            service.create(new RateLimitCreateCommand(e.targetType(), e.target(), e.requestsPerMinute(),
                    e.tokensPerMinute()), grantor);
            return SectionResult.ofCreated();
        }
        RateLimitView limit = found.get();
        Integer requests = differs(e.requestsPerMinute(), limit.requestsPerMinute());
        Integer tokens = differs(e.tokensPerMinute(), limit.tokensPerMinute());
        if (requests == null && tokens == null) {
            return SectionResult.ofUnchanged();
        }
        service.update(limit.id().toString(), new RateLimitUpdateCommand(requests, tokens, Set.of()), grantor);
        return SectionResult.ofUpdated();
    }

    /** The limit already on the entry's target; empty when there is none or the entry is invalid (create says why). */
    private Optional<RateLimitView> existing(RateLimitEntry e) {
        if (e.targetType() == null || e.target() == null) {
            return Optional.empty();
        }
        try {
            return service.findFor(RateLimitTarget.fromWire(e.targetType()), e.target());
        } catch (IllegalArgumentException unknownType) {
            return Optional.empty();
        }
    }

    private static Integer differs(Integer wanted, Integer current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }

    @Override
    public List<RateLimitEntry> export() {
        Instant now = Instant.now();
        return service.list(KeyGrantor.system("export")).stream()
                .filter(limit -> !limit.targetType().equals(RateLimitTarget.KEY.wireName())
                        || keys.findById(limit.targetId()).filter(k -> !k.isRevoked() && k.activeAt(now)).isPresent())
                .map(limit -> new RateLimitEntry(limit.targetType(), limit.target(), limit.requestsPerMinute(),
                        limit.tokensPerMinute()))
                .toList();
    }

    @Override
    public String historyType() {
        return RateLimitAdminService.ENTITY;
    }

    /** Audit rows name the target. */
    @Override
    public String entryName(JsonNode entry) {
        JsonNode target = entry.get("target");
        return target == null || !target.isString() ? null : target.asString();
    }
}
