package ai.switchboard.gateway.api.responses.wire;

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
 * A {@code reasoning} item: what a reasoning model thought. {@code summary} is always written (empty when the model
 * gave none, as OpenAI does); {@code content} holds the reasoning text where a provider exposes it, and
 * {@code encrypted_content} the opaque form a client carries back when nothing is stored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReasoningItem(String type, String id, @JsonInclude(JsonInclude.Include.ALWAYS) List<ReasoningText> summary,
        List<ReasoningText> content, String encryptedContent, String status,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) implements ResponseItem {

    public ReasoningItem {
        summary = summary == null ? List.of() : List.copyOf(summary);
        content = content == null ? null : List.copyOf(content);
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** A reasoning item whose thinking is {@code text} ({@code reasoning_text} content), with no summary. */
    public static ReasoningItem ofText(String id, String text, String status) {
        return new ReasoningItem(REASONING, id, List.of(), List.of(ReasoningText.reasoning(text)), null, status, null);
    }

    /** All text of the summary and the content, joined, for providers that take reasoning back as plain text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ReasoningText part : content == null || content.isEmpty() ? summary : content) {
            if (part.text() != null) {
                text.append(part.text());
            }
        }
        return text.toString();
    }
}
