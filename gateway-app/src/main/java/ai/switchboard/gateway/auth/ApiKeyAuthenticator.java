package ai.switchboard.gateway.auth;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.key.LastUsedRecorder;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Finds the key an {@code Authorization: Bearer} header presents in the in-memory key table. The lookup touches only
 * the current snapshot, so a database outage never turns a valid key into a 401, and an unknown key always fails
 * closed.
 */
@Component
class ApiKeyAuthenticator {

    private static final String BEARER = "Bearer ";

    private final RegistrySnapshotManager snapshots;
    private final Clock clock;
    private final LastUsedRecorder lastUsed;

    ApiKeyAuthenticator(RegistrySnapshotManager snapshots, Clock clock, LastUsedRecorder lastUsed) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.lastUsed = lastUsed;
    }

    /** The active key {@code authorization} presents; a 401 {@link ApiException} saying why there is none. */
    ApiKeyRecord authenticate(String authorization) {
        String hash = presentedHash(authorization);
        ApiKeyRecord key = hash == null ? null : snapshots.current().keyByHash(hash);
        if (key == null) {
            throw ApiException.unauthorized("Incorrect or missing API key. Send it as 'Authorization: Bearer <key>'.");
        }
        if (!key.acceptsAt(hash, clock.instant())) {
            throw ApiException.unauthorized(key.activeAt(clock.instant())
                    ? "This API key was rotated and its grace period has ended; use the new key."
                    : "This API key has been revoked or has expired.");
        }
        lastUsed.touch(key.id());
        return key;
    }

    private static String presentedHash(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String secret = authorization.substring(BEARER.length()).trim();
        if (secret.isEmpty()) {
            return null;
        }
        return ApiKeyHasher.hash(secret);
    }
}
