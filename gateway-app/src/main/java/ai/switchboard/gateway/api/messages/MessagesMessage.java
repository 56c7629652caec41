package ai.switchboard.gateway.api.messages;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One turn of a Messages conversation: {@code user} or {@code assistant}, with {@code content} as a string or an
 * array of content blocks, kept as the client sent it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessagesMessage(String role, JsonNode content, @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public MessagesMessage {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** Whether the assistant wrote this turn. */
    public boolean isAssistant() {
        return ASSISTANT.equals(role);
    }
}
