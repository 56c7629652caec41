package ai.switchboard.registry.history;

import ai.switchboard.registry.audit.AuditOrigin;
import ai.switchboard.registry.declarative.DeclarativeSection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        for (Change change : changes) {
            DeclarativeSection section = byType.get(change.entityType());
            if (section == null) {
                continue;
            }
            Map<String, JsonNode> live = exported.computeIfAbsent(change.entityType(),
                    type -> HistorySections.liveByName(section));
            // A deleted or revoked entity is no longer exported: its version records that it is gone.
            JsonNode form = live.get(change.entityName());
            versions.add(new HistoryStore.NewVersion(change.entityType(), change.entityId(), change.entityName(),
                    change.revision(), change.action(), form, change.actor(), change.actorKeyId(), change.at()));
        }
        store.insert(versions);
    }

    private record Change(String entityType, UUID entityId, String entityName, String action, String actor,
            UUID actorKeyId, Instant at, long revision) {
    }
}
