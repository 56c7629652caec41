package ai.switchboard.registry.declarative;

/** What a section's entity loses when a rollback re-creates it from history, which never holds secrets. */
public enum SecretRestore {

    /** It holds no secret: re-created as it was. */
    NONE,

    /** Its secret is gone: re-created disabled (when it can be) and flagged, until an admin sets a new one. */
    MISSING,

    /** It is its secret (a key's hash): it cannot be re-created, and is reported instead. */
    IMPOSSIBLE
}
