package ai.switchboard.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.observability.CacheMetrics;
import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.routing.Deployment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.StringNode;

/**
 * A miss is stored the moment the model's answer is complete, before the answer is written and before the request
 * ends: a client that repeats its request as soon as it has read the answer must hit, however late the server's
 * end-of-request work runs. An incomplete answer is never stored.
 */
class MissStoredWhenCompleteTests {

    private static final ApiKeyRecord KEY = new ApiKeyRecord(UUID.randomUUID(), "app", "sk-sb-abcd", "hash",
            Set.of(KeyScope.INFERENCE), Set.of(), null, false);
    private static final CacheRules RULES = new CacheRules(Duration.ofMinutes(5), 1 << 20, false, false);

    private final ResponseCache cache = new ResponseCache(1 << 20, null, Schedulers.immediate(), Clock.systemUTC(),
            Duration.ofSeconds(1), Duration.ofSeconds(1), new CacheMetrics(new SimpleMeterRegistry()));
    private final CacheStage stage = new CacheStage(cache, new CacheMetrics(new SimpleMeterRegistry()));

    @Test
    void aCompleteAnswerIsInThisReplicasTierWhenItReachesTheHandlerAndTheRequestHasNotEnded() {
        RequestContext context = missing("key-1");
        AtomicReference<CachedAnswer> heldWhenHandlerSawIt = new AtomicReference<>();

        ChatResponse answered = CachedAnswers.single(context, ChatResponse.class, () -> Mono.just(answer("stop"))
                        .doOnNext(response -> context.usage(response.usage())))
                .doOnNext(response -> heldWhenHandlerSawIt.set(cache.local("key-1")))
                .block();

        assertThat(answered).isNotNull();
        assertThat(heldWhenHandlerSawIt.get()).as("stored before the handler writes it").isNotNull();
        assertThat(heldWhenHandlerSawIt.get().model()).isEqualTo("m");
        assertThat(heldWhenHandlerSawIt.get().inputTokens()).isEqualTo(10);
        assertThat(heldWhenHandlerSawIt.get().outputTokens()).isEqualTo(5);
        assertThat(context.cacheLookup().stored()).isSameAs(heldWhenHandlerSawIt.get());
    }

    @Test
    void aCutAnswerIsNeverStored() {
        RequestContext context = missing("key-2");

        CachedAnswers.single(context, ChatResponse.class, () -> Mono.just(answer("length"))).block();

        assertThat(cache.local("key-2")).isNull();
        assertThat(context.cacheLookup().stored()).isNull();
    }

    @Test
    void aFailedCallStoresNothing() {
        RequestContext context = missing("key-3");

        CachedAnswers.single(context, ChatResponse.class,
                        () -> Mono.<ChatResponse>error(new IllegalStateException("down")))
                .onErrorResume(failure -> Mono.empty()).block();

        assertThat(cache.local("key-3")).isNull();
    }

    @Test
    void theSemanticTierIsHandedTheAnswerTheExactTierStored() {
        RequestContext context = missing("key-4");
        AtomicReference<CachedAnswer> handed = new AtomicReference<>();
        context.cacheLookup().onStored(handed::set);

        CachedAnswers.single(context, ChatResponse.class, () -> Mono.just(answer("stop"))).block();

        assertThat(handed.get()).isNotNull().isSameAs(cache.local("key-4"));
    }

    /** A request whose look-up missed under {@code key}, served by model {@code m}. */
    private RequestContext missing(String key) {
        RequestContext context = new RequestPipeline(List.of(), Clock.systemUTC())
                .open("req_" + key, Api.CHAT, KEY, null, Set.of(), false);
        context.trace().served(deployment());
        context.cacheLookup(CacheLookup.miss(key, RULES, lookup -> stageKeeps(context, lookup)));
        return context;
    }

    private void stageKeeps(RequestContext context, CacheLookup lookup) {
        stage.keep(context, lookup);
    }

    private static Deployment deployment() {
        ModelConfig model = new ModelConfig(UUID.randomUUID(), "m", "p", "up-m", null,
                Set.of(Capability.CHAT), null, null, new BigDecimal("1"), new BigDecimal("2"), Set.of(), true, 0);
        ProviderConfig provider = new ProviderConfig(UUID.randomUUID(), "p", "scripted", "http://upstream.test/v1",
                "secret", Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(5), Map.of(), true, 1);
        return new Deployment(model, provider, new ProviderEndpoint("p", "scripted",
                URI.create("http://upstream.test/v1"), "secret", Map.of(), null, null, Map.of(), 1));
    }

    private static ChatResponse answer(String finishReason) {
        ChatMessage message = new ChatMessage("assistant", StringNode.valueOf("hi"), null, null, null, null, null);
        return new ChatResponse("id", ChatResponse.OBJECT, 1L, "m",
                List.of(new ChatChoice(0, message, null, finishReason, null)), Usage.of(10, 5, 0), null, null);
    }
}
