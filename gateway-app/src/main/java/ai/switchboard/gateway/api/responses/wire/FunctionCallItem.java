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
 * A {@code function_call} item: the model calls a client-side function. {@code call_id} links it to the
 * {@code function_call_output} the client sends back; {@code namespace} names the {@code namespace} tool the function
 * belongs to, when it belongs to one; {@code arguments} is JSON text exactly as the model produced it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCallItem(String type, String id, String callId, String name, String namespace,
        String arguments, String status, @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra)
        implements ResponseItem {

    public FunctionCallItem {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** A call as a response reports it. */
    public static FunctionCallItem of(String id, String callId, String name, String namespace, String arguments,
            String status) {
        return new FunctionCallItem(FUNCTION_CALL, id, callId, name, namespace, arguments, status, null);
    }
}
