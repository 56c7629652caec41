package ai.switchboard.registry.crypto;

/**
 * The master key of this replica is not the one the database's secrets were encrypted with. Thrown at start-up,
 * before anything is served: a replica with another key could decrypt no credential.
 */
public class MasterKeyMismatchException extends IllegalStateException {

    public MasterKeyMismatchException(String message) {
        super(message);
    }
}
