package ai.switchboard.observability.feedback;

import java.time.Instant;
import java.util.UUID;

/** Feedback as stored, with the model and route that answered the request, taken from the usage ledger. */
public record StoredFeedback(UUID id, Feedback feedback, String model, String route, Instant createdAt) {
}
