package ai.switchboard.registry.key;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A change to a live key; {@code null} fields keep their value. The key itself cannot change: issue a new one and
 * revoke the old.
 *
 * @param clear optional fields to remove, by their admin API name ({@link ApiKeyAdminService#CLEARABLE}: a key whose
 *     {@code expires_at} is removed never expires, one whose {@code team} is removed belongs to none); the admin
 *     API sends {@code null} for them
 * @param team the team to move the key to (name or id), or {@code null} to keep it
 */
public record ApiKeyUpdateCommand(String name, List<String> scopes, List<String> allowedModels, Instant expiresAt,
        String team, Set<String> clear) {

    public ApiKeyUpdateCommand {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }

    /** A change that leaves the key's team alone. */
    public ApiKeyUpdateCommand(String name, List<String> scopes, List<String> allowedModels, Instant expiresAt,
            Set<String> clear) {
        this(name, scopes, allowedModels, expiresAt, null, clear);
    }
}
