package ai.switchboard.gateway.api.responses.wire;

import ai.switchboard.providers.json.WireJson;
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
 * A {@code message} item. As input its {@code content} is a string or an array of {@code input_text},
 * {@code input_image} and {@code input_file} parts (assistant turns: {@code output_text} and {@code refusal}); as
 * output it is an array of {@link OutputText} and {@link OutputRefusal} parts. {@code type} may be absent on input
 * ({@code EasyInputMessage}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageItem(String type, String id, String status, String role, JsonNode content,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) implements ResponseItem {

    public MessageItem {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** An assistant output message holding {@code parts} ({@link OutputText}, {@link OutputRefusal}). */
    public static MessageItem assistant(String id, String status, List<?> parts) {
        return new MessageItem(MESSAGE, id, status, "assistant", WireJson.mapper().valueToTree(parts), null);
    }
}
