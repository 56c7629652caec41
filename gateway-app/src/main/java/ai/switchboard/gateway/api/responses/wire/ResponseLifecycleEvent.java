package ai.switchboard.gateway.api.responses.wire;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code response.created}, {@code response.in_progress}, {@code response.completed}, {@code response.incomplete}
 * and {@code response.failed}: the whole response object in its current state.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponseLifecycleEvent(String type, int sequenceNumber, ResponseObject response)
        implements ResponsesEvent {
}
