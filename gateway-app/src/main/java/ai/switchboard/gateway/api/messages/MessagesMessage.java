package ai.switchboard.gateway.api.messages;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One turn of a Messages conversation: {@code user} or {@code assistant}, with {@code content} as a string or an
 * array of content blocks, kept as the client sent it; or a {@code system} message among the turns (a string or text
 * blocks), which Claude Code 2.1.332 sends after the first user turn.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessagesMessage(String role, JsonNode content, @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String SYSTEM = "system";

    public MessagesMessage {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** Whether this is a system message among the turns. */
    public boolean isSystem() {
        return SYSTEM.equals(role);
    }

    /** Whether the assistant wrote this turn. */
    public boolean isAssistant() {
        return ASSISTANT.equals(role);
    }
}
