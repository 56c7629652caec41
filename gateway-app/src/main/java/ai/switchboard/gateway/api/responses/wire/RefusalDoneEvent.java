package ai.switchboard.gateway.api.responses.wire;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code response.refusal.done}: the whole refusal text of a part. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RefusalDoneEvent(String type, int sequenceNumber, String itemId, int outputIndex, int contentIndex,
        String refusal) implements ResponsesEvent {
}
