package ai.switchboard.registry.history;

import ai.switchboard.registry.declarative.ApplyResult;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The outcome of a rollback.
 *
 * @param restoredRevision the revision the registry (or the entity) was restored to
 * @param version the entity's version restored, or null for a whole-registry rollback
 * @param revision the new registry revision the rollback is live at
 * @param applied what was created, updated or already as it was, per section
 * @param notes entities disabled, kept, or restored without their secrets
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RollbackResult(long restoredRevision, Integer version, long revision, ApplyResult applied,
        List<RollbackNote> notes) {
}
