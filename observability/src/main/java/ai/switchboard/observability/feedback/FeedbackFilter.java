package ai.switchboard.observability.feedback;

import java.time.Instant;

/** Which feedback a summary covers; a null field does not filter. {@code from} is inclusive, {@code to} not. */
public record FeedbackFilter(String model, String route, Instant from, Instant to) {
}
