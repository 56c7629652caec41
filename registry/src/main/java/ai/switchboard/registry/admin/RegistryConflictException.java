package ai.switchboard.registry.admin;

/** The command conflicts with the registry's current state (duplicate name, entry still in use). Maps to HTTP 409. */
public class RegistryConflictException extends RuntimeException {

    private final String field;

    public RegistryConflictException(String message) {
        this(message, null);
    }

    /** @param field the input field whose value conflicts (e.g. {@code name}), or {@code null} */
    public RegistryConflictException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The input field whose value conflicts, or {@code null} when the conflict is not one field's. */
    public String field() {
        return field;
    }
}
