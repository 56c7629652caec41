package ai.switchboard.gateway.cache;

import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.json.WireJson;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where a handler's call meets the cache: on a hit, the stored answer instead of the call; on a miss, the call, whose
 * whole answer is kept to be stored once written; otherwise the call untouched. The wire format stays the
 * handler's: this only swaps where the answer comes from.
 */
public final class CachedAnswers {

    private CachedAnswers() {
    }

    /** An answer that is one JSON document of {@code type} (a chat completion, an embedding list). */
    public static <T> Mono<T> single(RequestContext context, Class<T> type, Supplier<Mono<T>> call) {
        CacheLookup lookup = context.cacheLookup();
        if (lookup == null || lookup.status() == CacheLookup.Status.BYPASS) {
            return call.get();
        }
        CachedAnswer hit = lookup.hit();
        if (hit != null) {
            return Mono.fromCallable(() -> WireJson.mapper().readValue(hit.body(), type));
        }
        return call.get().doOnNext(answer -> offer(lookup, answer));
    }

    /**
     * An embeddings answer, cached per input text when the input is text: the model is sent only the texts the cache
     * does not hold, and its vectors are put back among the cached ones in the client's order.
     */
    public static Mono<EmbeddingResponse> embeddings(RequestContext context, EmbeddingRequest request,
            Function<EmbeddingRequest, Mono<EmbeddingResponse>> call) {
        CacheLookup lookup = context.cacheLookup();
        EmbeddingBatch batch = lookup == null ? null : lookup.batch();
        if (batch == null) {
            return single(context, EmbeddingResponse.class, () -> call.apply(request));
        }
        return call.apply(batch.missingRequest(request)).map(upstream -> {
            EmbeddingResponse whole = batch.assemble(upstream);
            if (Storable.of(whole)) {
                lookup.assembled(whole);
            }
            return whole;
        });
    }

    /**
     * A chat answer as a stream: a hit is replayed as chunks at once; a miss is recorded as it passes, whole chunks
     * untouched, and offered for storing when the upstream completed it.
     */
    public static Flux<ChatChunk> chatStream(RequestContext context, Supplier<Flux<ChatChunk>> call) {
        CacheLookup lookup = context.cacheLookup();
        if (lookup == null || lookup.status() == CacheLookup.Status.BYPASS) {
            return call.get();
        }
        CachedAnswer hit = lookup.hit();
        if (hit != null) {
            return Flux.defer(() -> Flux.fromIterable(
                    ChatReplay.chunks(WireJson.mapper().readValue(hit.body(), ChatResponse.class))));
        }
        ChatStreamRecorder recorder = new ChatStreamRecorder();
        return call.get()
                .doOnNext(recorder::add)
                .doOnComplete(() -> {
                    ChatResponse whole = recorder.response();
                    if (whole != null) {
                        offer(lookup, whole);
                    }
                });
    }

    /**
     * An answer of an API whose {@link AnswerFormat} the handler supplies: on a hit the stored answer as this
     * request's, on a miss the call, its answer offered for storing once complete.
     */
    public static <A> Mono<A> single(RequestContext context, AnswerFormat<A, ?> format, Supplier<Mono<A>> call) {
        CacheLookup lookup = context.cacheLookup();
        if (lookup == null || lookup.status() == CacheLookup.Status.BYPASS) {
            return call.get();
        }
        CachedAnswer hit = lookup.hit();
        if (hit != null) {
            return Mono.fromCallable(() -> format.read(hit.body()));
        }
        return call.get().doOnNext(answer -> offerJson(lookup, format.storable(answer)));
    }

    /**
     * A stream of an API whose {@link AnswerFormat} the handler supplies: a hit replayed as that API's events, a miss
     * recorded as it passes and offered for storing when the upstream completed it.
     */
    public static <E> Flux<E> stream(RequestContext context, AnswerFormat<?, E> format, Supplier<Flux<E>> call) {
        CacheLookup lookup = context.cacheLookup();
        if (lookup == null || lookup.status() == CacheLookup.Status.BYPASS) {
            return call.get();
        }
        CachedAnswer hit = lookup.hit();
        if (hit != null) {
            return Flux.defer(() -> format.replay(hit.body()));
        }
        return Flux.defer(() -> {
            AnswerFormat.Recorder<E> recorder = format.recorder();
            return call.get()
                    .doOnNext(recorder::add)
                    .doOnComplete(() -> offerJson(lookup, recorder.whole()));
        });
    }

    private static void offerJson(CacheLookup lookup, byte[] json) {
        if (json != null && json.length <= lookup.rules().maxEntryBytes()) {
            lookup.candidate(json);
        }
    }

    private static void offer(CacheLookup lookup, Object answer) {
        if (!Storable.of(answer)) {
            return;
        }
        byte[] json = WireJson.mapper().writeValueAsBytes(answer);
        if (json.length <= lookup.rules().maxEntryBytes()) {
            lookup.candidate(json);
        }
    }
}
