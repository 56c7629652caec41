package ai.switchboard.gateway.auth;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.key.LastUsedRecorder;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Finds the key an {@code Authorization: Bearer} header (or, on Anthropic's routes, {@code x-api-key}) presents in
 * the in-memory key table. The lookup touches only the current snapshot, so a database outage never turns a valid
 * key into a 401, and an unknown key always fails closed.
 */
@Component
class ApiKeyAuthenticator {

    /** Anthropic's header for an API key. */
    static final String API_KEY_HEADER = "x-api-key";

    private static final String BEARER = "Bearer ";
    private static final String MISSING = "Incorrect or missing API key. Send it as 'Authorization: Bearer <key>'.";
    private static final String MISSING_EITHER = "Incorrect or missing API key. Send it as 'x-api-key: <key>' or "
            + "'Authorization: Bearer <key>'.";

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
        return lookUp(presentedHash(authorization), MISSING);
    }

    /**
     * The active key presented as {@code Authorization: Bearer}, or else, when no {@code Authorization} header was
     * sent at all, in {@code x-api-key}; a 401 {@link ApiException} saying why there is none. A request with both is
     * judged by its {@code Authorization} alone, so one key never vouches for another.
     */
    ApiKeyRecord authenticate(String authorization, String apiKey) {
        String hash = authorization != null ? presentedHash(authorization) : secretHash(apiKey);
        return lookUp(hash, MISSING_EITHER);
    }

    private ApiKeyRecord lookUp(String hash, String missing) {
        ApiKeyRecord key = hash == null ? null : snapshots.current().keyByHash(hash);
        if (key == null) {
            throw ApiException.unauthorized(missing);
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
        return secretHash(authorization.substring(BEARER.length()));
    }

    private static String secretHash(String presented) {
        String secret = presented == null ? "" : presented.trim();
        return secret.isEmpty() ? null : ApiKeyHasher.hash(secret);
    }
}
