package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The InvokeModel body of Amazon Titan text embeddings v2. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TitanEmbeddingRequest(String inputText, Integer dimensions, Boolean normalize) {
}
