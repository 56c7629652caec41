package ai.switchboard.gateway.api.responses.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code response.function_call_arguments.delta} (an {@code delta} fragment of the arguments) and
 * {@code response.function_call_arguments.done} (all {@code arguments}) of a {@code function_call} item.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCallArgumentsEvent(String type, int sequenceNumber, String itemId, int outputIndex,
        String delta, String arguments) implements ResponsesEvent {
}
