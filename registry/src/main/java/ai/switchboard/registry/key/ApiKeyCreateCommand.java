package ai.switchboard.registry.key;

import java.time.Instant;
import java.util.List;

/**
 * A new virtual key.
 *
 * @param scopes wire names of {@link ai.switchboard.registry.KeyScope}; {@code null} means {@code inference}
 * @param allowedModels model and route names the key may use, or {@code ["*"]} for every one; an empty list allows
 *     none. Required for a key with the {@code inference} scope; {@code null} otherwise means none
 * @param expiresAt when the key stops working (must be in the future), or {@code null} for never
 * @param team the owning team's name or id, or {@code null}: none (a team administrator's keys join its team)
 */
public record ApiKeyCreateCommand(String name, List<String> scopes, List<String> allowedModels, Instant expiresAt,
        String team) {

    /** A key of no team. */
    public ApiKeyCreateCommand(String name, List<String> scopes, List<String> allowedModels, Instant expiresAt) {
        this(name, scopes, allowedModels, expiresAt, null);
    }
}
