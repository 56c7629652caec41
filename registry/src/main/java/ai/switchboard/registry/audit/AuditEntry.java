package ai.switchboard.registry.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One audit row as the admin API shows it: who ({@code actor}, its key and team), from where, what
 * ({@code action} on an entity), and the entity's state {@code before} and {@code after} (of the changed fields, for an
 * update). No secret is ever written to the audit trail, so none can be shown.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEntry(long id, Instant at, String actor, UUID actorKeyId, UUID teamId, String clientAddress,
        String action, String entityType, UUID entityId, String entityName, Map<String, Object> before,
        Map<String, Object> after) {
}
