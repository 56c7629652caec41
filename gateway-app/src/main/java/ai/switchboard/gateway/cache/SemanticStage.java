package ai.switchboard.gateway.cache;

import ai.switchboard.gateway.api.support.GatewayHeaders;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestStage;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.registry.CachePolicyConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.SemanticCacheConfig;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.DeploymentResolver;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.Target;
import java.math.BigDecimal;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The semantic cache, after an exact miss on a route or model whose policy asks for it: embeds the request's last
 * user message (with the context the policy embeds) with the policy's embeddings model, through the route engine and
 * metered as the request's extra usage, and answers with a stored answer whose request was within the threshold, in
 * the same partition (team, target, tools, system prompt; see {@link SemanticQuery}). On a miss, the answer is stored
 * under the request's vector when the exact tier stores it. A failing embeddings call is a miss: the cache never
 * fails a request.
 */
public final class SemanticStage implements RequestStage {

    /** The similarity of a semantic hit, so that a surprising answer can be explained. */
    public static final String SIMILARITY_HEADER = "x-switchboard-cache-similarity";

    private static final Logger log = LoggerFactory.getLogger(SemanticStage.class);
    private static final Mono<Void> GO_ON = Mono.empty();

    private final SemanticCache cache;
    private final RouteEngine engine;
    private final DeploymentResolver resolver;

    public SemanticStage(SemanticCache cache, RouteEngine engine, DeploymentResolver resolver) {
        this.cache = cache;
        this.engine = engine;
        this.resolver = resolver;
    }

    @Override
    public Mono<Void> enter(RequestContext context) {
        CacheLookup lookup = context.cacheLookup();
        if (lookup == null || lookup.status() != CacheLookup.Status.MISS || lookup.batch() != null) {
            return GO_ON;
        }
        RegistrySnapshot snapshot = context.snapshot();
        SemanticCacheConfig config = config(snapshot, context.target());
        if (config == null) {
            return GO_ON;
        }
        SemanticQuery query = SemanticQuery.of(context.api(), context.key(), lookup.rules().shared(),
                context.target(), config, context.cacheableRequest());
        Deployment embedder = query == null ? null : resolver.resolve(snapshot, config.embeddingModel());
        if (embedder == null) {
            return GO_ON;
        }
        boolean refresh = context.cacheDirective() == CacheDirective.REFRESH;
        RoutingTrace branch = context.trace().branch();
        EmbeddingRequest embed = new EmbeddingRequest(config.embeddingModel(),
                JsonNodeFactory.instance.stringNode(query.text()), "float", null, null, null);
        return engine.embed(snapshot, new Target.Model(embedder), embed, branch)
                .flatMap(response -> {
                    context.trace().extraUsage(branch.served(), response.usage());
                    float[] vector = vector(response);
                    if (vector == null) {
                        return Mono.empty();
                    }
                    lookup.onStored(answer -> cache.store(query.partition(), vector, answer));
                    if (refresh) {
                        return Mono.empty();
                    }
                    // The embeddings call is what finding the answer cost: a hit saves the rest only.
                    BigDecimal embeddingCost = cost(branch.served(), response.usage());
                    return cache.find(query.partition(), vector, config.threshold())
                            .map(match -> new Found(match, embeddingCost));
                })
                .doOnNext(found -> {
                    SemanticIndex.Match match = found.match();
                    context.cacheLookup(CacheLookup.semanticHit(lookup.key(), lookup.rules(), match.entry().answer(),
                            found.embeddingCost()));
                    context.responseHeaders().set(GatewayHeaders.CACHE, CacheLookup.Status.HIT.wireName());
                    context.responseHeaders().set(SIMILARITY_HEADER,
                            String.format(Locale.ROOT, "%.4f", match.similarity()));
                })
                .onErrorResume(failure -> {
                    log.debug("Request {}: semantic cache look-up failed, a miss: {}", context.requestId(),
                            failure.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** The semantic settings of the target's own policy; a key's policy never turns the semantic cache on. */
    private static SemanticCacheConfig config(RegistrySnapshot snapshot, Target target) {
        CachePolicyConfig policy = snapshot.cachePolicy(switch (target) {
            case Target.Route route -> route.route().id();
            case Target.Model model -> model.deployment().model().id();
        });
        return policy == null ? null : policy.semantic();
    }

    private record Found(SemanticIndex.Match match, BigDecimal embeddingCost) {
    }

    /** What the embeddings call cost, priced as the trace prices extra usage; {@code null} when unknown. */
    private static BigDecimal cost(Deployment embedder, Usage usage) {
        if (embedder == null || usage == null) {
            return null;
        }
        return ModelPrice.of(embedder.model().inputPricePerMtok(), embedder.model().outputPricePerMtok())
                .cost(usage.promptTokens() == null ? 0 : usage.promptTokens(),
                        usage.completionTokens() == null ? 0 : usage.completionTokens(), usage.cachedTokens());
    }

    /** The unit vector of the first embedding, or {@code null} when the answer holds none usable. */
    private static float[] vector(EmbeddingResponse response) {
        if (response.data().isEmpty()) {
            return null;
        }
        JsonNode values = response.data().getFirst().embedding();
        if (values == null || !values.isArray() || values.isEmpty()) {
            return null;
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            if (!values.get(i).isNumber()) {
                return null;
            }
            vector[i] = values.get(i).floatValue();
        }
        return SemanticIndex.unit(vector);
    }
}
