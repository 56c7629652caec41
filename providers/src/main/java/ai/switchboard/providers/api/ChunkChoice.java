package ai.switchboard.providers.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One choice of a stream chunk: a delta and, on the last chunk of the choice, the finish reason. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChunkChoice(
        Integer index,
        ChatDelta delta,
        JsonNode logprobs,
        @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public ChunkChoice {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }
}
