package ai.switchboard.registry.admin;

/** The addressed registry entry does not exist. Maps to HTTP 404. */
public class RegistryNotFoundException extends RuntimeException {

    public RegistryNotFoundException(String entityType, String idOrName) {
        super(entityType + " '" + idOrName + "' not found");
    }
}
