package ai.switchboard.providers.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The delta of a stream chunk: a role on the first chunk, then content or tool-call fragments. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatDelta(
        String role,
        String content,
        List<ToolCall> toolCalls,
        String refusal,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public ChatDelta {
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** An empty delta, as carried by the chunk that holds the finish reason. */
    public static ChatDelta empty() {
        return new ChatDelta(null, null, null, null, null);
    }
}
