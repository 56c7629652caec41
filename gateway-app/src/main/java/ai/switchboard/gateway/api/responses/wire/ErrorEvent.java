package ai.switchboard.gateway.api.responses.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code error}: a failure reported inside a stream, with OpenAI's {@code code}, {@code message} and {@code param}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorEvent(String type, int sequenceNumber, String code, String message, String param)
        implements ResponsesEvent {
}
