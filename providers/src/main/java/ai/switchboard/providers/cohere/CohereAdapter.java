package ai.switchboard.providers.cohere;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderConfigCheck;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.cohere.internal.api.CohereChatRequest;
import ai.switchboard.providers.cohere.internal.api.CohereChatResponse;
import ai.switchboard.providers.cohere.internal.api.CohereEmbedRequest;
import ai.switchboard.providers.cohere.internal.api.CohereEmbedResponse;
import ai.switchboard.providers.cohere.internal.client.CohereClient;
import ai.switchboard.providers.cohere.internal.mapper.CohereEmbedMapper;
import ai.switchboard.providers.cohere.internal.mapper.CohereRequestMapper;
import ai.switchboard.providers.cohere.internal.mapper.CohereResponseMapper;
import ai.switchboard.providers.cohere.internal.mapper.CohereStreams;
import ai.switchboard.providers.http.ProviderHttpClients;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Cohere v2 API ({@code /v2/chat}, {@code /v2/embed}) behind the gateway's OpenAI shape.
 *
 * <p>Configuration: the endpoint's base URL is the API root, {@code https://api.cohere.com} (a root ending in
 * {@code /v2} is accepted as well); the key is sent as {@code Authorization: Bearer}. Settings:
 * {@code input_type} (embeddings, default {@code search_document}) and {@code truncate} ({@code NONE},
 * {@code START}, {@code END}). Requests Cohere cannot honour fail with a 400 before any call; see
 * {@link CohereRequestMapper} for the mapping and {@code internal/mapper} for answers and streams.
 *
 * <p>Cohere returns no creation time or model id, so answers carry the gateway's clock and the requested model.
 */
public class CohereAdapter implements ProviderAdapter {

    /** The provider type this adapter serves. */
    public static final String TYPE = "cohere";

    // Batches of one embeddings request run this many at a time: large inputs finish sooner without one request
    // taking a whole rate-limit window.
    private static final int EMBED_CONCURRENCY = 4;

    private final CohereClient client;
    private final Clock clock;

    public CohereAdapter(ProviderHttpClients clients) {
        this(clients, Clock.systemUTC());
    }

    public CohereAdapter(ProviderHttpClients clients, Clock clock) {
        this.client = new CohereClient(Objects.requireNonNull(clients, "clients"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** A query in the base URL is kept on every call (some proxies put a token there). */
    @Override
    public Map<String, String> check(URI baseUrl, Map<String, String> settings) {
        return CohereEmbedMapper.check(ProviderConfigCheck.of(TYPE, baseUrl, settings)).problems();
    }

    @Override
    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        return Mono.defer(() -> {
            CohereChatRequest body = CohereRequestMapper.toCohere(request);
            long created = clock.instant().getEpochSecond();
            return client.postJson(endpoint, CohereClient.CHAT_PATH, body, CohereChatResponse.class)
                    .map(answer -> CohereResponseMapper.toOpenAi(endpoint, request.model(), created, answer));
        });
    }

    @Override
    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return Flux.defer(() -> {
            CohereChatRequest body = CohereRequestMapper.toCohere(request).streaming();
            long created = clock.instant().getEpochSecond();
            return CohereStreams.chatChunks(endpoint, request.model(), created,
                    client.postStream(endpoint, CohereClient.CHAT_PATH, body));
        });
    }

    @Override
    public Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return Mono.defer(() -> {
            List<CohereEmbedRequest> batches = CohereEmbedMapper.toCohere(endpoint, request);
            return Flux.fromIterable(batches)
                    .flatMapSequential(batch -> client.postJson(endpoint, CohereClient.EMBED_PATH, batch,
                            CohereEmbedResponse.class), EMBED_CONCURRENCY)
                    .collectList()
                    .map(answers -> CohereEmbedMapper.toOpenAi(endpoint, request, batches, answers));
        });
    }
}
