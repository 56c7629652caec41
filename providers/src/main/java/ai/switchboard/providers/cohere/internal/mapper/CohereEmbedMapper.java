package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderConfigCheck;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.cohere.internal.api.CohereEmbedRequest;
import ai.switchboard.providers.cohere.internal.api.CohereEmbedResponse;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI embeddings over Cohere's {@code /v2/embed}. Cohere takes at most {@link #MAX_TEXTS_PER_CALL} texts per call,
 * so larger inputs are split into batches whose answers are merged back in input order.
 *
 * <p>Cohere requires an {@code input_type}, which OpenAI lacks: it is {@code search_document} (right for indexing,
 * the usual use of an embeddings API) unless the provider's {@code input_type} setting or the request's own
 * {@code input_type} field says otherwise; {@code truncate} is read the same way. {@code user} is dropped.
 */
public final class CohereEmbedMapper {

    /** Cohere's documented limit of texts per embed call. */
    public static final int MAX_TEXTS_PER_CALL = 96;

    static final String DEFAULT_INPUT_TYPE = "search_document";
    static final String INPUT_TYPE = "input_type";
    static final String TRUNCATE = "truncate";

    /** The values Cohere's embed API accepts for the two settings this adapter passes through. */
    static final Set<String> INPUT_TYPES = Set.of("search_document", "search_query", "classification",
            "clustering", "image");
    static final Set<String> TRUNCATE_MODES = Set.of("NONE", "START", "END");

    private CohereEmbedMapper() {
    }

    /** The provider settings this mapper reads ({@code input_type}, {@code truncate}), checked before saving. */
    public static ProviderConfigCheck check(ProviderConfigCheck check) {
        return check.reads(Set.of(INPUT_TYPE, TRUNCATE))
                .value(INPUT_TYPE, INPUT_TYPES::contains, "must be one of " + new TreeSet<>(INPUT_TYPES))
                .value(TRUNCATE, TRUNCATE_MODES::contains, "must be one of " + new TreeSet<>(TRUNCATE_MODES));
    }

    /** The Cohere calls for {@code request}, in input order; throws a 400 for inputs Cohere cannot embed. */
    public static List<CohereEmbedRequest> toCohere(ProviderEndpoint endpoint, EmbeddingRequest request) {
        encoding(request);
        List<String> texts = request.texts();
        if (texts.isEmpty()) {
            throw request.input() == null || request.input().isEmpty() || request.input().isString()
                    ? CohereMappingErrors.invalid("input", "'input' must hold at least one text")
                    : CohereMappingErrors.unsupported("input", "Cohere embeds text only, not token arrays");
        }
        String inputType = option(request.extra(), endpoint.settings(), INPUT_TYPE, DEFAULT_INPUT_TYPE);
        String truncate = option(request.extra(), endpoint.settings(), TRUNCATE, null);
        List<CohereEmbedRequest> batches = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += MAX_TEXTS_PER_CALL) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + MAX_TEXTS_PER_CALL));
            batches.add(new CohereEmbedRequest(request.model(), batch, inputType, List.of("float"), truncate,
                    request.dimensions()));
        }
        return batches;
    }

    /** The OpenAI answer for the batch answers, given in the order of {@code batches}. */
    public static EmbeddingResponse toOpenAi(ProviderEndpoint endpoint, EmbeddingRequest request,
            List<CohereEmbedRequest> batches, List<CohereEmbedResponse> answers) {
        boolean base64 = encoding(request);
        List<EmbeddingResponse.Embedding> data = new ArrayList<>();
        int promptTokens = 0;
        for (int b = 0; b < batches.size(); b++) {
            CohereEmbedResponse answer = answers.get(b);
            List<JsonNode> vectors = answer.embeddings() == null ? null : answer.embeddings().floats();
            if (vectors == null || vectors.size() != batches.get(b).texts().size()) {
                throw UpstreamErrors.malformed(endpoint, "an embed answer without one float vector per text", null);
            }
            for (JsonNode vector : vectors) {
                if (!vector.isArray()) {
                    throw UpstreamErrors.malformed(endpoint, "an embed answer with a vector that is not an array",
                            null);
                }
                JsonNode embedding = base64 ? WireJson.mapper().getNodeFactory().stringNode(base64(vector)) : vector;
                data.add(new EmbeddingResponse.Embedding("embedding", data.size(), embedding));
            }
            if (answer.meta() != null && answer.meta().billedUnits() != null
                    && answer.meta().billedUnits().inputTokens() != null) {
                promptTokens += (int) Math.round(answer.meta().billedUnits().inputTokens());
            }
        }
        Usage usage = new Usage(promptTokens, null, promptTokens, null, null, null);
        return new EmbeddingResponse("list", data, request.model(), usage, null);
    }

    /** OpenAI's base64 format: the vector's float32 values, little-endian, base64-encoded. */
    static String base64(JsonNode vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode value : vector) {
            bytes.putFloat((float) value.asDouble());
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** Whether the client asked for base64; any format other than float or base64 is refused. */
    private static boolean encoding(EmbeddingRequest request) {
        String format = request.encodingFormat();
        if (format == null || "float".equals(format)) {
            return false;
        }
        if ("base64".equals(format)) {
            return true;
        }
        throw CohereMappingErrors.invalid("encoding_format", "encoding_format must be 'float' or 'base64'");
    }

    private static String option(Map<String, JsonNode> extra, Map<String, String> settings, String name,
            String fallback) {
        JsonNode fromRequest = extra.get(name);
        if (fromRequest != null && fromRequest.isString() && !fromRequest.asString().isBlank()) {
            return fromRequest.asString();
        }
        String fromSettings = settings.get(name);
        return fromSettings != null && !fromSettings.isBlank() ? fromSettings : fallback;
    }
}
