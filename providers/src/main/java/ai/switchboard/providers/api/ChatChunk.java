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
 * One {@code chat.completion.chunk} of a stream. The final usage chunk has no choices and carries {@link #usage()}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatChunk(
        String id,
        String object,
        Long created,
        String model,
        List<ChunkChoice> choices,
        Usage usage,
        String systemFingerprint,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public static final String OBJECT = "chat.completion.chunk";

    public ChatChunk {
        choices = choices == null ? List.of() : List.copyOf(choices);
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** The final chunk of a stream asked to include usage. */
    public static ChatChunk usageChunk(String id, long created, String model, Usage usage) {
        return new ChatChunk(id, OBJECT, created, model, List.of(), usage, null, null);
    }

    /** A copy without usage, for clients that did not ask for it. */
    public ChatChunk withoutUsage() {
        return usage == null ? this : new ChatChunk(id, object, created, model, choices, null, systemFingerprint, extra);
    }
}
