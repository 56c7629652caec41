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

/** An OpenAI embeddings response. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingResponse(
        String object,
        List<Embedding> data,
        String model,
        Usage usage,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public EmbeddingResponse {
        data = data == null ? List.of() : List.copyOf(data);
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /**
     * One vector. {@code embedding} is a float array or, with {@code encoding_format: base64}, a string; it is kept
     * as JSON so that it passes through without a copy into boxed numbers.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Embedding(String object, Integer index, JsonNode embedding) {
    }
}
