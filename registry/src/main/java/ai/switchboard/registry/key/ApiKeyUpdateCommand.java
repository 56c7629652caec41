package ai.switchboard.registry.key;

import java.time.Instant;
import java.util.List;

/**
 * A change to a live key's metadata; {@code null} fields keep their value. The key itself cannot change: issue a new
 * one and revoke the old.
 */
public record ApiKeyUpdateCommand(List<String> scopes, List<String> allowedModels, Instant expiresAt) {
}
