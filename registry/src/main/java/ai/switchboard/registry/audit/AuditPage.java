package ai.switchboard.registry.audit;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A page of audit rows, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; {@code null} on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditPage(List<AuditEntry> data, String nextCursor) {
}
