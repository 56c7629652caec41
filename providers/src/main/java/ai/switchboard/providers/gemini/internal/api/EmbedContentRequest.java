package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code :embedContent}, and one item of {@code :batchEmbedContents}, where {@code model} is required
 * and must be {@code models/{id}} as in the URL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbedContentRequest(String model, Content content, Integer outputDimensionality) {
}
