package ai.switchboard.registry.history;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.declarative.ApplyResult;
import ai.switchboard.registry.declarative.DeclarativeConfigService;
import ai.switchboard.registry.declarative.DeclarativeSection;
import ai.switchboard.registry.declarative.SecretRestore;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import ai.switchboard.registry.snapshot.RegistryRevisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Restores the registry, or one entity, as it was, by applying its historic form through the declarative sections
 * (so every write is validated and audited as an admin write is), as a new revision that every replica picks up.
 * Secrets never come from history: a kept entity keeps its current secret; a re-created one has none (see
 * {@link SecretRestore}). Blocking (JPA): call it on the {@code registryScheduler}.
 */
@Service
@Transactional
public class RegistryRollbackService {

    /** The audit entity type of a whole-registry rollback. */
    public static final String REGISTRY = "registry";

    private final DeclarativeConfigService config;
    private final RegistryHistoryService history;
    private final RegistryChangeRecorder changes;
    private final RegistryRevisions revisions;
    private final TransactionTemplate transactions;

    public RegistryRollbackService(DeclarativeConfigService config, RegistryHistoryService history,
            RegistryChangeRecorder changes, RegistryRevisions revisions,
            PlatformTransactionManager transactionManager) {
        this.config = config;
        this.history = history;
        this.changes = changes;
        this.revisions = revisions;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Restores every entity that keeps history as it was at {@code revision}; entities added since are disabled
     * where they have an {@code enabled} field, and reported as kept where they do not.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public RollbackResult rollback(long revision, String actor) {
        Map<String, List<JsonNode>> then = history.exportAt(revision);
        List<RollbackNote> notes = new ArrayList<>();
        Map<String, List<JsonNode>> file = new LinkedHashMap<>();
        Map<String, DeclarativeSection> recreated = new LinkedHashMap<>();
        for (DeclarativeSection section : HistorySections.byType(config.sections()).values()) {
            if (!then.containsKey(section.key())) {
                // Its history began after the revision: what it held then is unknown, so it is left as it is.
                notes.add(new RollbackNote(section.key(), null, "skipped"));
                continue;
            }
            Map<String, JsonNode> live = byIdentity(section, HistorySections.live(section));
            Map<String, JsonNode> old = byIdentity(section, then.get(section.key()));
            List<JsonNode> entries = new ArrayList<>();
            old.forEach((identity, entry) -> {
                int index = entries.size();
                restore(section, entry, live.containsKey(identity), entries, notes);
                if (!live.containsKey(identity) && entries.size() > index) {
                    recreated.put(section.key() + "[" + index + "]", section);
                }
            });
            live.forEach((identity, entry) -> {
                if (!old.containsKey(identity)) {
                    retire(section, entry, entries, notes);
                }
            });
            file.put(section.key(), entries);
        }
        try {
            return transactions.execute(status -> applyWhole(file, revision, notes, actor));
        } catch (RegistryValidationException e) {
            // An entity gone since the revision may refer to another that cannot come back (a key whose hash is
            // gone): such re-creations are left out, once, and reported; any other problem fails the rollback.
            Set<String> failed = new HashSet<>();
            e.errors().forEach(error -> failed.add(entryPath(error.field())));
            if (!recreated.keySet().containsAll(failed)) {
                throw e;
            }
            // Last index first, so the ones before stay where they are.
            List<String> byIndex = failed.stream().sorted(Comparator.comparingInt(
                    (String path) -> Integer.parseInt(path.substring(path.indexOf('[') + 1, path.length() - 1)))
                    .reversed()).toList();
            for (String path : byIndex) {
                DeclarativeSection section = recreated.get(path);
                int index = Integer.parseInt(path.substring(path.indexOf('[') + 1, path.length() - 1));
                JsonNode dropped = file.get(section.key()).remove(index);
                notes.add(new RollbackNote(section.key(), section.entryName(dropped), "not_restored"));
            }
            return transactions.execute(status -> applyWhole(file, revision, notes, actor));
        }
    }

    private RollbackResult applyWhole(Map<String, List<JsonNode>> file, long revision, List<RollbackNote> notes,
            String actor) {
        ApplyResult applied = config.applyEntries(file, actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("restored_revision", revision);
        detail.put("notes", notes.stream().map(n -> n.section() + "/" + n.name() + ": " + n.outcome()).toList());
        changes.record(actor, "rollback", REGISTRY, null, "revision " + revision, detail, Instant.now());
        return new RollbackResult(revision, null, revisions.current(), applied, notes);
    }

    /** {@code budgets[7]} of {@code budgets[7].scope}. */
    private static String entryPath(String field) {
        int end = field.indexOf(']');
        return end < 0 ? field : field.substring(0, end + 1);
    }

    /** Restores one entity to one of its versions; refused for a version that records its deletion. */
    public RollbackResult rollbackEntity(String kind, String idOrName, int version, String actor) {
        DeclarativeSection section = history.section(kind);
        List<HistoryVersion> versions = history.versions(kind, idOrName);
        HistoryVersion wanted = versions.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new RegistryValidationException("version", "must be one of the entity's versions, 1 to "
                        + versions.getLast().version()));
        if (wanted.form() == null) {
            throw new RegistryValidationException("version", "records the entity's " + wanted.action()
                    + "; choose a version that has its configuration");
        }
        String wantedName = section.entryName(wanted.form());
        HistoryVersion latest = versions.getLast();
        if (latest.form() != null && !Objects.equals(latest.entityName(), wantedName)) {
            throw new RegistryConflictException("The " + section.historyType() + " was renamed from '" + wantedName
                    + "' to '" + latest.entityName() + "' since version " + version + "; rename it back first");
        }
        boolean exists = HistorySections.liveByName(section).containsKey(wantedName);
        List<JsonNode> entries = new ArrayList<>();
        List<RollbackNote> notes = new ArrayList<>();
        restore(section, wanted.form(), exists, entries, notes);
        if (entries.isEmpty()) {
            throw new RegistryConflictException("The " + section.historyType() + " '" + wantedName
                    + "' no longer exists and cannot be re-created from history: its secret is not kept there");
        }
        ApplyResult applied = config.applyEntries(Map.of(section.key(), entries), actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("restored_version", version);
        detail.put("restored_revision", wanted.revision());
        changes.record(actor, "rollback", section.historyType(), wanted.entityId(), wantedName, detail,
                Instant.now());
        return new RollbackResult(wanted.revision(), version, revisions.current(), applied, notes);
    }

    private static void restore(DeclarativeSection section, JsonNode entry, boolean exists, List<JsonNode> entries,
            List<RollbackNote> notes) {
        SecretRestore secrets = section.secretRestore();
        if (exists || secrets == SecretRestore.NONE) {
            entries.add(entry);
        } else if (secrets == SecretRestore.IMPOSSIBLE) {
            notes.add(new RollbackNote(section.key(), section.entryName(entry), "not_restored"));
        } else if (entry.has("enabled")) {
            entries.add(((ObjectNode) entry.deepCopy()).put("enabled", false));
            notes.add(new RollbackNote(section.key(), section.entryName(entry), "restored_disabled"));
        } else {
            entries.add(entry);
            notes.add(new RollbackNote(section.key(), section.entryName(entry), "restored_without_secret"));
        }
    }

    private static void retire(DeclarativeSection section, JsonNode entry, List<JsonNode> entries,
            List<RollbackNote> notes) {
        if (entry.has("enabled")) {
            if (entry.get("enabled").asBoolean(true)) {
                entries.add(((ObjectNode) entry.deepCopy()).put("enabled", false));
            }
            notes.add(new RollbackNote(section.key(), section.entryName(entry), "disabled"));
        } else {
            notes.add(new RollbackNote(section.key(), section.entryName(entry), "kept"));
        }
    }

    private static Map<String, JsonNode> byIdentity(DeclarativeSection section, List<JsonNode> entries) {
        Map<String, JsonNode> byIdentity = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach(entry -> byIdentity.putIfAbsent(HistorySections.identity(section, entry), entry));
        }
        return byIdentity;
    }
}
