package ai.switchboard.registry.admin;

/** The command conflicts with the registry's current state (duplicate name, entry still in use). Maps to HTTP 409. */
public class RegistryConflictException extends RuntimeException {

    public RegistryConflictException(String message) {
        super(message);
    }
}
