package ai.switchboard.gateway.api.responses.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A {@code function_call_output} item: the client's result for the call with the same {@code call_id}. {@code output}
 * is a string or an array of {@code input_text}, {@code input_image} and {@code input_file} parts.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCallOutputItem(String type, String id, String callId, JsonNode output, String status,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) implements ResponseItem {

    public FunctionCallOutputItem {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }
}
