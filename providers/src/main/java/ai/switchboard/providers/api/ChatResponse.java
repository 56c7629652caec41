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

/** A complete (non-streamed) chat completion, in OpenAI's shape. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatResponse(
        String id,
        String object,
        Long created,
        String model,
        List<ChatChoice> choices,
        Usage usage,
        String systemFingerprint,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public static final String OBJECT = "chat.completion";

    public ChatResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }
}
