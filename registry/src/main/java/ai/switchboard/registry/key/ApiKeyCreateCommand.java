package ai.switchboard.registry.key;

import java.time.Instant;
import java.util.List;

/**
 * A new virtual key.
 *
 * @param scopes wire names of {@link ai.switchboard.registry.KeyScope}; {@code null} or empty means {@code inference}
 * @param allowedModels public model names the key may use; {@code null} or empty means every model
 * @param expiresAt when the key stops working (must be in the future), or {@code null} for never
 */
public record ApiKeyCreateCommand(String name, List<String> scopes, List<String> allowedModels, Instant expiresAt) {
}
