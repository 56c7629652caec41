package ai.switchboard.registry.history;

import ai.switchboard.registry.audit.AuditOrigin;
import ai.switchboard.registry.declarative.DeclarativeSection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Keeps a version of every changed registry entity in {@code registry_history}, in the change's own transaction. The
 * changes of one transaction are written together just before it commits, each with the entity as its section
 * exports it then (so a section is exported once per transaction however many of its entities changed). Entity types
 * without a section that names them ({@link DeclarativeSection#historyType()}) keep no history.
 */
@Component
public class HistoryRecorder {

    /** The action of a version caused by another entity's change. */
    static final String CASCADE = "cascade";

    private static final Object PENDING = new Object();

    /** Lazily: sections depend on the admin services, which depend on the change recorder that calls this. */
    private final ObjectProvider<DeclarativeSection> sections;
    private final HistoryStore store;

    public HistoryRecorder(ObjectProvider<DeclarativeSection> sections, HistoryStore store) {
        this.sections = sections;
        this.store = store;
    }

    /** Queues a version of the entity for this transaction; must run inside it. */
    public void record(String entityType, UUID entityId, String entityName, String action, String actor, Instant at,
            long revision) {
        @SuppressWarnings("unchecked")
        List<Change> pending = (List<Change>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            List<Change> changes = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING, changes);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(changes);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = changes;
        }
        pending.add(new Change(entityType, entityId, entityName, action, actor, AuditOrigin.current().actorKeyId(),
                at, revision));
    }

    private void write(List<Change> changes) {
        Map<String, DeclarativeSection> byType = HistorySections.byType(sections.orderedStream().toList());
        Map<String, Map<String, JsonNode>> exported = new HashMap<>();
        List<HistoryStore.NewVersion> versions = new ArrayList<>();
        Set<UUID> touched = new HashSet<>();
        boolean cascades = false;
        for (Change change : changes) {
            DeclarativeSection section = byType.get(change.entityType());
            if (section == null) {
                continue;
            }
            Map<String, JsonNode> live = exported.computeIfAbsent(change.entityType(),
                    type -> HistorySections.liveByName(section));
            // A deleted or revoked entity is no longer exported: its version records that it is gone.
            JsonNode form = live.get(change.entityName());
            cascades |= form == null || renamed(change);
            if (change.entityId() != null) {
                touched.add(change.entityId());
            }
            versions.add(new HistoryStore.NewVersion(change.entityType(), change.entityId(), change.entityName(),
                    change.revision(), change.action(), form, change.actor(), change.actorKeyId(), change.at()));
        }
        if (cascades && !versions.isEmpty()) {
            versions.addAll(cascaded(byType, exported, touched, changes.getLast()));
        }
        store.insert(versions);
    }

    private boolean renamed(Change change) {
        if (change.entityId() == null) {
            return false;
        }
        String before = store.latestName(change.entityType(), change.entityId());
        return before != null && !before.equals(change.entityName());
    }

    /**
     * Entities refer to each other by name, and the database deletes some with what they belong to: a rename or a
     * deletion can change, or remove, entities that recorded no change of their own. Each gets a {@code cascade}
     * version, so the registry rebuilt at a revision stays consistent.
     */
    private List<HistoryStore.NewVersion> cascaded(Map<String, DeclarativeSection> byType,
            Map<String, Map<String, JsonNode>> exported, Set<UUID> touched, Change last) {
        List<HistoryStore.NewVersion> versions = new ArrayList<>();
        byType.forEach((type, section) -> {
            Map<String, JsonNode> live = exported.computeIfAbsent(type, t -> HistorySections.liveByName(section));
            for (HistoryVersion kept : store.existing(type)) {
                if (kept.entityId() != null && touched.contains(kept.entityId())) {
                    continue;
                }
                JsonNode now = live.get(kept.entityName());
                if (now == null || !HistorySections.sameForm(now, kept.form())) {
                    versions.add(new HistoryStore.NewVersion(type, kept.entityId(), kept.entityName(),
                            last.revision(), CASCADE, now, last.actor(), last.actorKeyId(), last.at()));
                }
            }
        });
        return versions;
    }

    private record Change(String entityType, UUID entityId, String entityName, String action, String actor,
            UUID actorKeyId, Instant at, long revision) {
    }
}
