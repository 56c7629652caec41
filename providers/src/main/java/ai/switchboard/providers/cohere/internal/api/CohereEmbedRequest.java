package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /v2/embed} for text inputs. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohereEmbedRequest(
        String model,
        List<String> texts,
        String inputType,
        List<String> embeddingTypes,
        String truncate,
        Integer outputDimension) {

    public CohereEmbedRequest {
        texts = List.copyOf(texts);
        embeddingTypes = List.copyOf(embeddingTypes);
    }
}
