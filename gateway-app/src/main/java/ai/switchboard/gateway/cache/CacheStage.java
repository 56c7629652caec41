package ai.switchboard.gateway.cache;

import ai.switchboard.gateway.api.support.GatewayHeaders;
import ai.switchboard.gateway.pipeline.Outcome;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestStage;
import ai.switchboard.observability.CacheMetrics;
import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.routing.Deployment;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Looks the request up in the response cache, after it was admitted (its caller's and its model's rate limits) and
 * resolved (the key names the resolved model or route and its revision), before the budget: a hit costs nothing, so
 * it reserves nothing. On a hit the handler replays the stored answer instead of calling the model; on a miss, the
 * answer is stored as soon as the model has completed it, before it is written (see {@link CacheLookup}). A request no policy covers costs two map look-ups and nothing else.
 *
 * <p>This replica's tier answers synchronously; the shared tier is asked only on a local miss, off the event loop,
 * and a failing one counts as a miss.
 */
public final class CacheStage implements RequestStage {

    private static final Mono<Void> GO_ON = Mono.empty();

    private final ResponseCache cache;
    private final CacheMetrics metrics;

    public CacheStage(ResponseCache cache, CacheMetrics metrics) {
        this.cache = cache;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> enter(RequestContext context) {
        Object request = context.cacheableRequest();
        RegistrySnapshot snapshot = context.snapshot();
        if (request == null || snapshot == null || !snapshot.hasCachePolicies()) {
            return GO_ON;
        }
        CacheRules rules = CacheRules.of(snapshot, context.key(), context.target());
        if (rules == null) {
            return GO_ON;
        }
        CacheDirective directive = context.cacheDirective();
        if (directive == CacheDirective.BYPASS || rules.deterministicOnly() && !Determinism.of(request)) {
            settle(context, CacheLookup.BYPASSED);
            return GO_ON;
        }
        if (request instanceof EmbeddingRequest embedding) {
            EmbeddingBatch batch = EmbeddingBatch.of(context.api(), context.key(), rules.shared(), context.target(),
                    embedding);
            if (batch != null) {
                return lookUp(context, rules, batch, directive);
            }
        }
        String key = CacheKeys.of(context.api(), context.key(), rules.shared(), context.target(), request);
        if (directive == CacheDirective.REFRESH) {
            settle(context, miss(context, key, rules));
            return GO_ON;
        }
        CachedAnswer local = cache.local(key);
        if (local != null) {
            settle(context, CacheLookup.hit(key, rules, local));
            return GO_ON;
        }
        if (!cache.sharedAvailable()) {
            settle(context, miss(context, key, rules));
            return GO_ON;
        }
        return cache.shared(key)
                .doOnNext(answer -> settle(context, CacheLookup.hit(key, rules, answer)))
                .switchIfEmpty(Mono.fromRunnable(() -> settle(context, miss(context, key, rules))))
                .then();
    }

    /** Each text of an embeddings batch on its own: this replica's tier, then the shared one for the rest. */
    private Mono<Void> lookUp(RequestContext context, CacheRules rules, EmbeddingBatch batch,
            CacheDirective directive) {
        if (directive == CacheDirective.REFRESH) {
            settle(context, CacheLookup.batch(rules, batch, lookup -> keep(context, lookup)));
            return GO_ON;
        }
        List<String> notHere = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CachedAnswer local = cache.local(batch.key(i));
            if (local != null) {
                batch.found(i, local);
            } else {
                notHere.add(batch.key(i));
            }
        }
        if (notHere.isEmpty() || !cache.sharedAvailable()) {
            settle(context, rules, batch);
            return GO_ON;
        }
        return cache.shared(notHere)
                .doOnNext(shared -> {
                    for (int i = 0; i < batch.size(); i++) {
                        CachedAnswer answer = shared.get(batch.key(i));
                        if (batch.found(i) == null && answer != null) {
                            batch.found(i, answer);
                        }
                    }
                })
                .then(Mono.fromRunnable(() -> settle(context, rules, batch)));
    }

    private void settle(RequestContext context, CacheRules rules, EmbeddingBatch batch) {
        settle(context, batch.missing().isEmpty()
                ? CacheLookup.hit(null, rules, batch.wholeHit(cache.expiresAt(rules.ttl())))
                : CacheLookup.batch(rules, batch, lookup -> keep(context, lookup)));
    }

    private static void settle(RequestContext context, CacheLookup lookup) {
        context.cacheLookup(lookup);
        context.responseHeaders().set(GatewayHeaders.CACHE, lookup.status().wireName());
    }

    private CacheLookup miss(RequestContext context, String key, CacheRules rules) {
        return CacheLookup.miss(key, rules, lookup -> keep(context, lookup));
    }

    @Override
    public void exit(RequestContext context, Outcome outcome) {
        CacheLookup lookup = context.cacheLookup();
        if (lookup == null) {
            return;
        }
        String api = context.api().operation();
        CachedAnswer hit = lookup.hit();
        if (hit != null) {
            String model = hit.model() == null ? context.model() : hit.model();
            metrics.request(api, model, lookup.status().wireName());
            if (outcome.isSuccess()) {
                metrics.hit(api, model, hit.body().length, hit.inputTokens(), hit.outputTokens(),
                        lookup.savedCostUsd());
            }
            return;
        }
        Deployment served = context.trace().served();
        String model = served == null ? context.model() : served.model().name();
        metrics.request(api, model, lookup.status().wireName());
        EmbeddingBatch batch = lookup.batch();
        if (lookup.status() == CacheLookup.Status.PARTIAL && outcome.isSuccess() && served != null) {
            metrics.hit(api, model, batch.foundBytes(), batch.savedInputTokens(), 0, batch.savedCostUsd());
        }
    }

    /** Stores a miss's answer, complete now: its usage and the deployment that served it are known. */
    void keep(RequestContext context, CacheLookup lookup) {
        Deployment served = context.trace().served();
        if (served == null) {
            return;
        }
        String api = context.api().operation();
        String model = served.model().name();
        EmbeddingBatch batch = lookup.batch();
        if (batch != null) {
            EmbeddingResponse assembled = lookup.assembled();
            List<EmbeddingBatch.Entry> entries = batch.entries(assembled, model, context.inputTokens(),
                    cost(context, served.model()), cache.expiresAt(lookup.rules().ttl()),
                    lookup.rules().maxEntryBytes());
            cache.store(entries);
            entries.forEach(entry -> metrics.stored(api, model, entry.answer().body().length));
            return;
        }
        CachedAnswer answer = new CachedAnswer(lookup.candidate(), model, context.inputTokens(),
                context.outputTokens(), cost(context, served.model()), cache.expiresAt(lookup.rules().ttl()));
        cache.store(lookup.key(), answer);
        metrics.stored(api, model, answer.body().length);
        lookup.stored(answer);
    }

    /** What the answer cost, as the ledger counts it: what a hit on it will save. */
    private static BigDecimal cost(RequestContext context, ModelConfig model) {
        BigDecimal answered = ModelPrice.of(model.inputPricePerMtok(), model.outputPricePerMtok())
                .cost(context.inputTokens(), context.outputTokens(), context.cachedTokens());
        BigDecimal extra = context.trace().extraCost();
        return answered == null || extra == null ? answered : answered.add(extra);
    }
}
