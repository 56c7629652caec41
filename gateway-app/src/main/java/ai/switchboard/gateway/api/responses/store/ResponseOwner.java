package ai.switchboard.gateway.api.responses.store;

import java.util.Objects;
import java.util.UUID;

/**
 * Who may read, continue or delete a stored response: the key that created it, or any key of its team once keys
 * belong to teams ({@code teamId} is {@code null} until then).
 */
public record ResponseOwner(UUID keyId, UUID teamId) {

    public ResponseOwner {
        Objects.requireNonNull(keyId, "keyId");
    }

    public static ResponseOwner key(UUID keyId) {
        return new ResponseOwner(keyId, null);
    }
}
