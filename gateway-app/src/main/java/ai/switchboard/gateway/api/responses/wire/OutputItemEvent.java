package ai.switchboard.gateway.api.responses.wire;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code response.output_item.added} (the item as it starts) and {@code response.output_item.done} (as it ended). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OutputItemEvent(String type, int sequenceNumber, int outputIndex, ResponseItem item)
        implements ResponsesEvent {
}
