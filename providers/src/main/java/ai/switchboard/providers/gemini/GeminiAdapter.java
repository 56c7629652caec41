package ai.switchboard.providers.gemini;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderConfigCheck;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.gemini.internal.api.ContentEmbedding;
import ai.switchboard.providers.gemini.internal.api.GenerateContentRequest;
import ai.switchboard.providers.gemini.internal.client.GeminiClient;
import ai.switchboard.providers.gemini.internal.client.GeminiStreams;
import ai.switchboard.providers.gemini.internal.client.GeminiUris;
import ai.switchboard.providers.gemini.internal.mapper.GeminiEmbeddingMapper;
import ai.switchboard.providers.gemini.internal.mapper.GeminiRequestMapper;
import ai.switchboard.providers.gemini.internal.mapper.GeminiResponseMapper;
import ai.switchboard.providers.gemini.internal.mapper.GeminiStreamTranslator;
import ai.switchboard.providers.http.ProviderHttpClients;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The Google Gemini API (AI Studio, {@code generativelanguage.googleapis.com}): chat over {@code :generateContent}
 * and {@code :streamGenerateContent?alt=sse}, embeddings over {@code :embedContent} and {@code :batchEmbedContents},
 * authenticated with {@code x-goog-api-key}.
 *
 * <p>The endpoint's base URL is the API root; {@code /v1beta} is appended unless the URL already names a version
 * (see {@link GeminiUris}). Requests are translated field by field; OpenAI features Gemini cannot honour are refused
 * with {@code UNSUPPORTED} naming the parameter. Tool-call ids carry Gemini's thought signatures, so a client that
 * echoes its history unchanged keeps Gemini 3 tool loops working across turns and replicas.
 */
public class GeminiAdapter implements ProviderAdapter {

    /** The provider type this adapter serves. */
    public static final String TYPE = "gemini";

    private final GeminiClient client;

    public GeminiAdapter(ProviderHttpClients clients) {
        this.client = new GeminiClient(Objects.requireNonNull(clients, "clients"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Reads no settings; a query in the base URL is kept on every call (see {@link GeminiUris}). */
    @Override
    public Map<String, String> check(URI baseUrl, Map<String, String> settings) {
        return ProviderConfigCheck.of(TYPE, baseUrl, settings).reads(Set.of()).problems();
    }

    @Override
    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        return Mono.defer(() -> {
            String model = GeminiUris.modelId(request.model());
            GenerateContentRequest body = GeminiRequestMapper.toGemini(request);
            boolean single = GeminiRequestMapper.singleToolCall(request);
            return client.generate(endpoint, model, body)
                    .map(response -> GeminiResponseMapper.toOpenAi(response, model, single));
        });
    }

    @Override
    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return Flux.defer(() -> {
            String model = GeminiUris.modelId(request.model());
            GenerateContentRequest body = GeminiRequestMapper.toGemini(request);
            boolean single = GeminiRequestMapper.singleToolCall(request);
            return GeminiStreams.chatChunks(endpoint, client.streamGenerate(endpoint, model, body),
                    () -> new GeminiStreamTranslator(model, single));
        });
    }

    /**
     * One input goes to {@code :embedContent}; several to {@code :batchEmbedContents}, in calls of at most
     * {@link GeminiEmbeddingMapper#MAX_BATCH} sent one after the other so the vectors come back in input order.
     */
    @Override
    public Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return Mono.defer(() -> {
            String model = GeminiUris.modelId(request.model());
            List<String> texts = GeminiEmbeddingMapper.texts(request);
            Integer dimensions = request.dimensions();
            Mono<List<JsonNode>> vectors;
            if (texts.size() == 1) {
                vectors = client.embed(endpoint, model, GeminiEmbeddingMapper.single(texts.getFirst(), dimensions))
                        .map(response -> List.of(values(response.embedding())));
            }
            else {
                int batches = (texts.size() + GeminiEmbeddingMapper.MAX_BATCH - 1) / GeminiEmbeddingMapper.MAX_BATCH;
                vectors = Flux.range(0, batches)
                        .concatMap(batch -> {
                            List<String> slice = texts.subList(batch * GeminiEmbeddingMapper.MAX_BATCH,
                                    Math.min(texts.size(), (batch + 1) * GeminiEmbeddingMapper.MAX_BATCH));
                            return client.batchEmbed(endpoint, model,
                                    GeminiEmbeddingMapper.batch(model, slice, dimensions))
                                    .flatMapIterable(response -> response.embeddings().stream()
                                            .map(GeminiAdapter::values).toList());
                        })
                        .collectList();
            }
            return vectors.map(values -> GeminiEmbeddingMapper.toOpenAi(values, texts.size(), request));
        });
    }

    /** The vector's values; a JSON null (rejected as malformed by the mapper) when Gemini sent none. */
    private static JsonNode values(ContentEmbedding embedding) {
        return embedding == null || embedding.values() == null ? NullNode.getInstance() : embedding.values();
    }
}
