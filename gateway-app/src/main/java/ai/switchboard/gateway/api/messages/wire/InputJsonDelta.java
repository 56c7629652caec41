package ai.switchboard.gateway.api.messages.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code input_json_delta}: a fragment of a tool's input JSON, verbatim; the fragments of a block concatenate to the input. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder("type")
public record InputJsonDelta(String partialJson) implements BlockDelta {

    @Override
    @JsonProperty("type")
    public String type() {
        return "input_json_delta";
    }
}
