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

/**
 * One message of a conversation.
 *
 * <p>{@code content} stays a JSON value because OpenAI allows a string, an array of parts, {@code null} or nothing
 * (assistant turns that only call tools); keeping it as sent means a pass-through upstream sees exactly what the
 * client wrote. {@link #parts()} gives translators a typed view.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(
        String role,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) JsonNode content,
        String name,
        List<ToolCall> toolCalls,
        String toolCallId,
        String refusal,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public ChatMessage {
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** The content as typed parts: a string becomes one text part; {@code null} or absent becomes none. */
    public List<ContentPart> parts() {
        return ContentPart.listOf(content);
    }

    /** All text parts joined, the usual view for providers that take a plain string. */
    public String text() {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        for (ContentPart part : parts()) {
            if (part.text() != null) {
                text.append(part.text());
            }
        }
        return text.toString();
    }

    /** Whether this message carries tool calls. */
    public boolean hasToolCalls() {
        return toolCalls != null && !toolCalls.isEmpty();
    }
}
