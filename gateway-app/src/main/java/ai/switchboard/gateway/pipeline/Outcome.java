package ai.switchboard.gateway.pipeline;

/**
 * How a request ended, as every stage's {@link RequestStage#exit} sees it.
 *
 * @param status the HTTP status the client was given (499 when it went away first)
 * @param errorType the low-cardinality {@code error.type} tag, or {@code null} on success
 * @param failure what ended it, or {@code null} on success and on cancellation
 */
public record Outcome(int status, String errorType, Throwable failure) {

    /** The status reported for a client that went away before the answer was complete (nginx's convention). */
    public static final int CLIENT_CLOSED = 499;

    private static final Outcome SUCCEEDED = new Outcome(200, null, null);
    private static final Outcome CANCELLED = new Outcome(CLIENT_CLOSED, "client_closed", null);

    public static Outcome succeeded() {
        return SUCCEEDED;
    }

    public static Outcome cancelled() {
        return CANCELLED;
    }

    public boolean isSuccess() {
        return errorType == null;
    }
}
