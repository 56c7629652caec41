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
 * {@code reasoning}: how hard a reasoning model thinks ({@code effort}: {@code none} to {@code xhigh}) and whether it
 * returns a summary of its thinking ({@code summary}: {@code auto}, {@code concise}, {@code detailed}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReasoningOptions(String effort, String summary,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public ReasoningOptions {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }
}
