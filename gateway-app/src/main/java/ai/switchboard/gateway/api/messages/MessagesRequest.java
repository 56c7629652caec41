package ai.switchboard.gateway.api.messages;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Anthropic Messages API request ({@code POST /v1/messages}, and {@code /v1/messages/count_tokens} without
 * {@code max_tokens} and {@code stream}). Scalars are typed, so binding checks their JSON types; the union-shaped
 * fields (a string or blocks, tools of many kinds) stay JSON and are checked by {@link MessagesRequestValidator}.
 * Everything else the client sent is kept in {@link #extra()}, so that {@link #toJson()} gives an Anthropic upstream
 * the request as it was sent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessagesRequest(
        String model,
        Integer maxTokens,
        List<MessagesMessage> messages,
        JsonNode system,
        JsonNode tools,
        JsonNode toolChoice,
        List<String> stopSequences,
        Boolean stream,
        Double temperature,
        Double topP,
        Integer topK,
        JsonNode metadata,
        JsonNode thinking,
        JsonNode outputConfig,
        JsonNode contextManagement,
        String serviceTier,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public MessagesRequest {
        messages = messages == null ? null : List.copyOf(messages);
        stopSequences = stopSequences == null ? null : List.copyOf(stopSequences);
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** Whether the client asked for a server-sent event stream. */
    public boolean isStream() {
        return Boolean.TRUE.equals(stream);
    }

    /** The request as JSON, for an upstream that speaks the Messages API itself. */
    public ObjectNode toJson() {
        return MessagesJson.MAPPER.valueToTree(this);
    }
}
