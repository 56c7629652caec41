package ai.switchboard.gateway.api.responses.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A text fragment: {@code response.output_text.delta} (with {@code logprobs}, empty unless asked for),
 * {@code response.refusal.delta} and {@code response.reasoning_text.delta} (without).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextDeltaEvent(String type, int sequenceNumber, String itemId, int outputIndex, int contentIndex,
        String delta, List<Object> logprobs) implements ResponsesEvent {
}
