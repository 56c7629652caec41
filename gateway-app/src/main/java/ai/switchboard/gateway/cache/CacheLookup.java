package ai.switchboard.gateway.cache;

import ai.switchboard.providers.api.EmbeddingResponse;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the cache stage found for one request. On a miss, the model's answer is stored the moment it is complete,
 * before it is written to the client: a client that asks again as soon as it has read the answer finds it. An answer
 * that fails, is cut or is cancelled upstream is never complete, so it is never stored.
 */
public final class CacheLookup {

    /** The request's result, as the {@code x-switchboard-cache} header and the metrics name it. */
    public enum Status {
        HIT, MISS, BYPASS,
        /** Embeddings: some inputs were served from the cache, the rest by the model. */
        PARTIAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What keeps a miss's answer once the model has completed it. */
    interface Keeper {
        void keep(CacheLookup lookup);
    }

    static final CacheLookup BYPASSED = new CacheLookup(Status.BYPASS, null, null, null, null, null, BigDecimal.ZERO);

    private final Status status;
    private final String key;
    private final CacheRules rules;
    private final CachedAnswer hit;
    private final EmbeddingBatch batch;
    private final Keeper keeper;
    private final BigDecimal findingCost;
    private volatile Consumer<CachedAnswer> onStored;
    private volatile byte[] candidate;
    private volatile EmbeddingResponse assembled;
    private volatile CachedAnswer stored;

    private CacheLookup(Status status, String key, CacheRules rules, CachedAnswer hit, EmbeddingBatch batch,
            Keeper keeper, BigDecimal findingCost) {
        this.status = status;
        this.key = key;
        this.rules = rules;
        this.hit = hit;
        this.batch = batch;
        this.keeper = keeper;
        this.findingCost = findingCost;
    }

    static CacheLookup hit(String key, CacheRules rules, CachedAnswer answer) {
        return new CacheLookup(Status.HIT, key, rules, answer, null, null, BigDecimal.ZERO);
    }

    /**
     * A hit the semantic tier found, which cost this request an embeddings call: that is not saved.
     *
     * @param embeddingCost what the request's embeddings call cost, or {@code null} when its price is unknown
     */
    static CacheLookup semanticHit(String key, CacheRules rules, CachedAnswer answer, BigDecimal embeddingCost) {
        return new CacheLookup(Status.HIT, key, rules, answer, null, null, embeddingCost);
    }

    static CacheLookup miss(String key, CacheRules rules, Keeper keeper) {
        return new CacheLookup(Status.MISS, key, rules, null, null, keeper, BigDecimal.ZERO);
    }

    /** An embeddings batch some (or none) of whose texts were found: the model embeds the rest. */
    static CacheLookup batch(CacheRules rules, EmbeddingBatch batch, Keeper keeper) {
        Status status = batch.missing().size() == batch.size() ? Status.MISS : Status.PARTIAL;
        return new CacheLookup(status, null, rules, null, batch, keeper, BigDecimal.ZERO);
    }

    public Status status() {
        return status;
    }

    /** The stored answer on a hit, else {@code null}. */
    public CachedAnswer hit() {
        return hit;
    }

    String key() {
        return key;
    }

    CacheRules rules() {
        return rules;
    }

    /** On an embeddings miss or partial hit, the batch cached per text; else {@code null}. */
    EmbeddingBatch batch() {
        return batch;
    }

    /** The prompt tokens the cache saved: a hit's, or on a partial hit the cached texts'. */
    public long savedInputTokens() {
        return hit != null ? hit.inputTokens() : batch != null ? batch.savedInputTokens() : 0;
    }

    /** The completion tokens a hit saved. */
    public long savedOutputTokens() {
        return hit != null ? hit.outputTokens() : 0;
    }

    /**
     * What the cache saved in dollars, or {@code null} when nothing or unknown: the stored answer's cost less what
     * finding it cost this request (a semantic hit's embeddings call), never below zero. When the embeddings price
     * is unknown, so is the saving: reporting the stored cost whole would overstate it.
     */
    public BigDecimal savedCostUsd() {
        if (hit == null) {
            return batch != null ? batch.savedCostUsd() : null;
        }
        if (hit.costUsd() == null || findingCost == null) {
            return null;
        }
        BigDecimal saved = hit.costUsd().subtract(findingCost);
        return saved.signum() < 0 ? BigDecimal.ZERO : saved;
    }

    /** The whole answer of an embeddings batch, whose new vectors are stored per text now. */
    void assembled(EmbeddingResponse answer) {
        this.assembled = answer;
        keep();
    }

    EmbeddingResponse assembled() {
        return assembled;
    }

    /** The answer stored on a miss, handed to whoever waits for it (the semantic tier keeps it too). */
    void stored(CachedAnswer answer) {
        this.stored = answer;
        Consumer<CachedAnswer> listener = onStored;
        if (listener != null) {
            listener.accept(answer);
        }
    }

    /** Runs {@code listener} with the answer this miss stores, if it stores one; set before the model is called. */
    void onStored(Consumer<CachedAnswer> listener) {
        this.onStored = listener;
    }

    CachedAnswer stored() {
        return stored;
    }

    /** The complete answer's JSON on a miss, stored now. */
    void candidate(byte[] answer) {
        this.candidate = answer;
        keep();
    }

    private void keep() {
        if (keeper != null) {
            keeper.keep(this);
        }
    }

    byte[] candidate() {
        return candidate;
    }
}
