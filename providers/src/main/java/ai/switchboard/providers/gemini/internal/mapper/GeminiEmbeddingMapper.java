package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.gemini.internal.api.BatchEmbedContentsRequest;
import ai.switchboard.providers.gemini.internal.api.Content;
import ai.switchboard.providers.gemini.internal.api.EmbedContentRequest;
import ai.switchboard.providers.gemini.internal.api.Part;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * OpenAI embeddings over {@code :embedContent} (one input) and {@code :batchEmbedContents} (several). Gemini reports
 * no token counts for embeddings, so usage is reported as zero rather than a guess that would skew cost accounting.
 */
public final class GeminiEmbeddingMapper {

    /** Items per {@code batchEmbedContents} call; larger OpenAI inputs are sent as several calls, in order. */
    public static final int MAX_BATCH = 100;

    private static final String FLOAT = "float";
    private static final String BASE64 = "base64";

    private GeminiEmbeddingMapper() {
    }

    /** The texts to embed; token arrays (pre-tokenized input) have no Gemini equivalent. */
    public static List<String> texts(EmbeddingRequest request) {
        String format = request.encodingFormat();
        if (format != null && !FLOAT.equals(format) && !BASE64.equals(format)) {
            throw GeminiRejections.invalid("encoding_format", "encoding_format must be float or base64");
        }
        if (request.dimensions() != null && request.dimensions() < 1) {
            throw GeminiRejections.invalid("dimensions", "dimensions must be positive");
        }
        List<String> texts = request.texts();
        if (texts.isEmpty()) {
            throw GeminiRejections.invalid("input",
                    "Gemini embeds strings only: input must be a non-empty string or array of strings");
        }
        return texts;
    }

    /** The body of {@code :embedContent} for one text. */
    public static EmbedContentRequest single(String text, Integer dimensions) {
        return new EmbedContentRequest(null, content(text), dimensions);
    }

    /** The body of {@code :batchEmbedContents}; every item repeats {@code models/{id}}, as Gemini requires. */
    public static BatchEmbedContentsRequest batch(String model, List<String> texts, Integer dimensions) {
        List<EmbedContentRequest> items = new ArrayList<>(texts.size());
        for (String text : texts) {
            items.add(new EmbedContentRequest("models/" + model, content(text), dimensions));
        }
        return new BatchEmbedContentsRequest(items);
    }

    /** The OpenAI response for the vectors, in input order. */
    public static EmbeddingResponse toOpenAi(List<JsonNode> vectors, int expected, EmbeddingRequest request) {
        if (vectors.size() != expected) {
            throw ProviderException.of(ErrorType.MALFORMED_RESPONSE,
                    "Gemini returned " + vectors.size() + " embeddings for " + expected + " inputs");
        }
        boolean base64 = BASE64.equals(request.encodingFormat());
        List<EmbeddingResponse.Embedding> data = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            JsonNode values = vectors.get(i);
            if (values == null || !values.isArray()) {
                throw ProviderException.of(ErrorType.MALFORMED_RESPONSE, "Gemini returned an embedding without values");
            }
            data.add(new EmbeddingResponse.Embedding("embedding", i,
                    base64 ? JsonNodeFactory.instance.stringNode(base64(values)) : values));
        }
        return new EmbeddingResponse("list", data, request.model(), new Usage(0, 0, 0, null, null, null), null);
    }

    /** The vector as OpenAI's base64 format: float32 values, little-endian, base64 encoded. */
    static String base64(JsonNode values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode value : values) {
            bytes.putFloat(value.floatValue());
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static Content content(String text) {
        return new Content(null, List.of(Part.text(text)));
    }
}
