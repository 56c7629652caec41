package ai.switchboard.registry.snapshot;

import ai.switchboard.registry.audit.AuditLogEntity;
import ai.switchboard.registry.audit.AuditLogRepository;
import java.time.Instant;
import java.util.Map;
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

    public RegistryChangeRecorder(AuditLogRepository audit, RegistryRevisions revisions,
            RegistrySnapshotManager snapshots) {
        this.audit = audit;
        this.revisions = revisions;
        this.snapshots = snapshots;
    }

    /**
     * @param detail what changed; callers must leave secrets out (credentials appear as {@code api_key_set})
     */
    public void record(String actor, String action, String entityType, UUID entityId, String entityName,
            Map<String, Object> detail, Instant at) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Registry changes must be recorded inside the change's transaction");
        }
        audit.save(new AuditLogEntity(at, actor, action, entityType, entityId, entityName, detail));
        revisions.bumpAndNotify();
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
