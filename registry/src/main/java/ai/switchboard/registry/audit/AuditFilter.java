package ai.switchboard.registry.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit rows to read; every {@code null} matches everything.
 *
 * @param actorKey the acting key's id or name
 * @param team the acting key's team, by id or name
 * @param from inclusive
 * @param to exclusive
 */
public record AuditFilter(String actorKey, String team, String entityType, UUID entityId, String action,
        Instant from, Instant to) {
}
