package ai.switchboard.tools;

import java.util.Objects;

/**
 * A tool failure the model may read: its message is shown as is, so it must never carry a secret. Thrown (or
 * signalled through a {@code Mono}) by tools; turned into an error result by the invoker. No stack trace: it is an
 * expected outcome, not a bug.
 */
public class ToolException extends RuntimeException {

    private final ToolError error;

    public ToolException(ToolError error, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ToolError error() {
        return error;
    }

    public static ToolException refused(String message) {
        return new ToolException(ToolError.REFUSED, message);
    }

    public static ToolException unavailable(String message) {
        return new ToolException(ToolError.UNAVAILABLE, message);
    }

    public static ToolException timeout(String message) {
        return new ToolException(ToolError.TIMEOUT, message);
    }
}
