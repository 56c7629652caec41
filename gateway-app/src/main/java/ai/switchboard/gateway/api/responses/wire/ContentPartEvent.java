package ai.switchboard.gateway.api.responses.wire;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code response.content_part.added} (an empty part) and {@code response.content_part.done} (the finished part) of
 * a message item; {@code part} is an {@link OutputText} or an {@link OutputRefusal}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContentPartEvent(String type, int sequenceNumber, String itemId, int outputIndex, int contentIndex,
        Object part) implements ResponsesEvent {
}
