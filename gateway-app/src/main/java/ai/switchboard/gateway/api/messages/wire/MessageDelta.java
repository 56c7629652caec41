package ai.switchboard.gateway.api.messages.wire;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The {@code delta} of {@code message_delta}: why the answer stopped, and the stop sequence that stopped it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageDelta(String stopReason, String stopSequence) {
}
