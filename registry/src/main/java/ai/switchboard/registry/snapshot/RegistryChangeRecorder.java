package ai.switchboard.registry.snapshot;

import ai.switchboard.registry.audit.AuditLogEntity;
import ai.switchboard.registry.audit.AuditLogRepository;
import ai.switchboard.registry.audit.AuditOrigin;
import ai.switchboard.registry.history.HistoryRecorder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records one registry change inside the admin transaction: an audit row, a revision bump with its NOTIFY, and, once
 * the transaction has committed, a snapshot rebuild on the calling thread, so the change is live on this replica
 * before the admin call returns.
 */
@Component
public class RegistryChangeRecorder {

    private static final Object REFRESH_REGISTERED = new Object();

    private final AuditLogRepository audit;
    private final RegistryRevisions revisions;
    private final RegistrySnapshotManager snapshots;
    private final HistoryRecorder history;

    public RegistryChangeRecorder(AuditLogRepository audit, RegistryRevisions revisions,
            RegistrySnapshotManager snapshots, HistoryRecorder history) {
        this.audit = audit;
        this.revisions = revisions;
        this.snapshots = snapshots;
        this.history = history;
    }

    /**
     * @param detail what changed; callers must leave secrets out (credentials appear as {@code api_key_set})
     */
    public void record(String actor, String action, String entityType, UUID entityId, String entityName,
            Map<String, Object> detail, Instant at) {
        write(actor, action, entityType, entityId, entityName, null, detail, at);
    }

    /**
     * Records a change with the entity's state before and after it: a creation has no {@code before}, a deletion no
     * {@code after}, and for an update only the fields whose values differ are kept on either side.
     */
    public void recordChange(String actor, String action, String entityType, UUID entityId, String entityName,
            Map<String, Object> before, Map<String, Object> after, Instant at) {
        if (before != null && after != null) {
            Map<String, Object> changedBefore = new LinkedHashMap<>();
            Map<String, Object> changedAfter = new LinkedHashMap<>();
            for (String field : union(before.keySet(), after.keySet())) {
                if (!Objects.equals(before.get(field), after.get(field))) {
                    changedBefore.put(field, before.get(field));
                    changedAfter.put(field, after.get(field));
                }
            }
            write(actor, action, entityType, entityId, entityName, changedBefore, changedAfter, at);
        } else {
            write(actor, action, entityType, entityId, entityName, before, after == null ? Map.of() : after, at);
        }
    }

    /** An entity's audited state: its name, then what {@code fields} describe. */
    public static Map<String, Object> state(String name, Map<String, Object> fields) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.putAll(fields);
        return state;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void write(String actor, String action, String entityType, UUID entityId, String entityName,
            Map<String, Object> before, Map<String, Object> after, Instant at) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Registry changes must be recorded inside the change's transaction");
        }
        audit.save(new AuditLogEntity(at, actor, action, entityType, entityId, entityName, before, after,
                AuditOrigin.current()));
        long revision = revisions.bumpAndNotify();
        history.record(entityType, entityId, entityName, action, actor, at, revision);
        // One rebuild per transaction, however many changes it records.
        if (!TransactionSynchronizationManager.hasResource(REFRESH_REGISTERED)) {
            TransactionSynchronizationManager.bindResource(REFRESH_REGISTERED, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshots.refresh();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(REFRESH_REGISTERED);
                }
            });
        }
    }
}
