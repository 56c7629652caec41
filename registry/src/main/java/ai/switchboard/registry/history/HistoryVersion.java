package ai.switchboard.registry.history;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One version of a registry entity.
 *
 * @param version 1, 2, ... for this entity
 * @param revision the registry revision it became live at
 * @param action what made it: create, update, delete, rotate, revoke, or baseline (found when history began)
 * @param form the entity as the declarative file exports it, secrets omitted; null once it is gone
 * @param actorKeyId the key of the admin who made it, or null for the gateway itself
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HistoryVersion(String entityType, UUID entityId, String entityName, int version,
        long revision, String action, JsonNode form, String actor, UUID actorKeyId, Instant at) {
}
