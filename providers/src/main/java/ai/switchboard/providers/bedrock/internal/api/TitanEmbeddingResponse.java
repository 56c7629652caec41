package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** The InvokeModel answer of Amazon Titan text embeddings v2. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TitanEmbeddingResponse(JsonNode embedding, Integer inputTextTokenCount) {
}
