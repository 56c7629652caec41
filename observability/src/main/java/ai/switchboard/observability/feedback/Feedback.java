package ai.switchboard.observability.feedback;

import java.util.Objects;

/**
 * What an application says about one of its answers: a score, a label, or both, with an optional comment.
 *
 * @param requestId the answer's {@code x-request-id}
 * @param label a short low-cardinality tag ({@code good}, {@code wrong_format}, ...), or null
 */
public record Feedback(String requestId, Double score, String label, String comment) {

    public Feedback {
        Objects.requireNonNull(requestId, "requestId");
        if (score == null && label == null) {
            throw new IllegalArgumentException("a score or a label is required");
        }
    }
}
