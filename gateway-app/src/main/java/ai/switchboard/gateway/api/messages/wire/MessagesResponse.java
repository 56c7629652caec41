package ai.switchboard.gateway.api.messages.wire;

import ai.switchboard.providers.anthropic.api.AnthropicContent;
import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Messages API answer, {@code {"id","type":"message","role":"assistant","model","content","stop_reason",
 * "stop_sequence","usage"}}; also the {@code message} of {@code message_start}, with no content and no stop reason
 * yet. {@code stop_reason} and {@code stop_sequence} are always written, {@code null} when unset, as Anthropic does.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage"})
public record MessagesResponse(String id, String model, List<AnthropicContent> content, String stopReason,
        String stopSequence, AnthropicUsage usage) {

    public MessagesResponse {
        content = List.copyOf(content);
    }

    @JsonProperty("type")
    public String type() {
        return "message";
    }

    @JsonProperty("role")
    public String role() {
        return "assistant";
    }
}
