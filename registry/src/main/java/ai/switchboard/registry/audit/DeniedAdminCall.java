package ai.switchboard.registry.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin call the gateway refused before it ran: no key or a bad one (401), or a key without the route's scope
 * (403).
 *
 * @param actor the key's audit name, or {@code anonymous}
 * @param actorKeyId the key's id when one was recognised
 */
public record DeniedAdminCall(Instant at, String actor, UUID actorKeyId, UUID teamId, String clientAddress,
        String method, String path, int status, String reason) {
}
