package ai.switchboard.registry.admin;

import java.util.List;

/** An admin command was rejected; {@link #errors()} names every offending field. Maps to HTTP 400. */
public class RegistryValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public RegistryValidationException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public RegistryValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder text = new StringBuilder("Invalid request:");
        for (FieldError error : errors) {
            text.append(' ').append(error.field()).append(": ").append(error.message()).append(';');
        }
        return text.toString();
    }
}
