package ai.switchboard.gateway.api.responses.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The whole text of a part: {@code response.output_text.done} (with {@code logprobs}) and {@code .reasoning_text.done}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextDoneEvent(String type, int sequenceNumber, String itemId, int outputIndex, int contentIndex,
        String text, List<Object> logprobs) implements ResponsesEvent {
}
