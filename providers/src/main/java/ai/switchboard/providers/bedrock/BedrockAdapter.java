package ai.switchboard.providers.bedrock;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.OrderedStreams;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderConfigCheck;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.bedrock.internal.api.ConverseResponse;
import ai.switchboard.providers.bedrock.internal.client.BedrockAuth;
import ai.switchboard.providers.bedrock.internal.client.BedrockClient;
import ai.switchboard.providers.bedrock.internal.client.BedrockSettings;
import ai.switchboard.providers.bedrock.internal.mapper.BedrockRequestMapper;
import ai.switchboard.providers.bedrock.internal.mapper.BedrockResponseMapper;
import ai.switchboard.providers.bedrock.internal.mapper.BedrockStreamTranslator;
import ai.switchboard.providers.bedrock.internal.mapper.ConversePlan;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.http.ProviderHttpClients;
import java.net.URI;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * AWS Bedrock through the Converse API ({@code POST {baseUrl}/model/{modelId}/converse} and
 * {@code /converse-stream}), which speaks one request shape for every chat model on Bedrock. Requests are
 * authenticated with SigV4 or a Bedrock API key; see
 * {@link ai.switchboard.providers.bedrock.internal.client.BedrockSettings} for the provider settings, and
 * {@link BedrockRequestMapper} for how OpenAI features Converse lacks are answered. Embeddings use InvokeModel with
 * Amazon Titan text-embedding bodies ({@link TitanEmbeddings}).
 *
 * <p>A streamed answer always ends with a usage chunk (Bedrock always reports usage); the gateway drops it for
 * clients that did not ask for it.
 */
public class BedrockAdapter implements ProviderAdapter {

    /** The provider type this adapter serves. */
    public static final String TYPE = "bedrock";

    private final BedrockClient client;
    private final Clock clock;
    private final TitanEmbeddings embeddings;

    public BedrockAdapter(ProviderHttpClients clients) {
        this(clients, Clock.systemUTC());
    }

    /** With the clock used for signatures and {@code created} timestamps (tests fix it). */
    public BedrockAdapter(ProviderHttpClients clients, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = new BedrockClient(Objects.requireNonNull(clients, "clients"), new BedrockAuth(clock));
        this.embeddings = new TitanEmbeddings(client);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> check(URI baseUrl, Map<String, String> settings) {
        return BedrockSettings.check(ProviderConfigCheck.of(TYPE, baseUrl, settings)).problems();
    }

    @Override
    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        return Mono.defer(() -> {
            ConversePlan plan = BedrockRequestMapper.map(request);
            return client.postJson(endpoint, BedrockClient.modelPath(request.model(), "converse"), plan.request(),
                            ConverseResponse.class)
                    .handle((response, sink) -> {
                        ChatResponse mapped = BedrockResponseMapper.map(response, plan, newId(),
                                clock.instant().getEpochSecond(), request.model());
                        if (mapped == null) {
                            sink.error(UpstreamErrors.malformed(endpoint, "a response without an output message",
                                    null));
                        }
                        else {
                            sink.next(mapped);
                        }
                    });
        });
    }

    @Override
    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return Flux.defer(() -> {
            ConversePlan plan = BedrockRequestMapper.map(request);
            BedrockStreamTranslator translator = new BedrockStreamTranslator(endpoint, plan, newId(),
                    clock.instant().getEpochSecond(), request.model());
            // Translated synchronously so that the answer completes right after metadata, without waiting for the
            // upstream to close the body.
            return OrderedStreams.flatten(client.postEventStream(endpoint,
                                    BedrockClient.modelPath(request.model(), "converse-stream"), plan.request())
                            .map(translator::onMessage)
                            .takeUntil(chunks -> translator.isComplete()), chunks -> chunks)
                    .concatWith(Mono.fromRunnable(translator::finish));
        });
    }

    @Override
    public Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return embeddings.embed(endpoint, request);
    }

    /** An OpenAI-style completion id; Converse answers carry none. Not a secret, so a fast random suffices. */
    private static String newId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "chatcmpl-" + HexFormat.of().formatHex(random);
    }
}
