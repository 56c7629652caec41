package ai.switchboard.registry.admin;

/** The caller may not make this change, whatever its input: it would grant more than the caller holds. HTTP 403. */
public class RegistryForbiddenException extends RuntimeException {

    private final String field;

    public RegistryForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field asking for more than the caller holds. */
    public String field() {
        return field;
    }
}
