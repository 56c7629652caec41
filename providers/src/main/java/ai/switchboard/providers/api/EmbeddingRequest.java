package ai.switchboard.providers.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An OpenAI embeddings request; {@code input} is a string, an array of strings, or token arrays. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingRequest(
        String model,
        JsonNode input,
        String encodingFormat,
        Integer dimensions,
        String user,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public EmbeddingRequest {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** A copy addressed to another model id. */
    public EmbeddingRequest withModel(String upstreamModel) {
        return new EmbeddingRequest(upstreamModel, input, encodingFormat, dimensions, user, extra);
    }

    /** The inputs as texts, for providers that only embed strings; empty when the input holds token arrays. */
    public List<String> texts() {
        if (input == null || input.isNull()) {
            return List.of();
        }
        if (input.isString()) {
            return List.of(input.asString());
        }
        List<String> texts = new ArrayList<>(input.size());
        for (JsonNode item : input) {
            if (!item.isString()) {
                return List.of();
            }
            texts.add(item.asString());
        }
        return texts;
    }
}
