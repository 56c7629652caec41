package ai.switchboard.gateway.cache;

import ai.switchboard.providers.api.EmbeddingResponse;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * What the cache stage found for one request, and, on a miss, the answer waiting to be stored once it has been
 * written to the client (a request that fails, is cut or is cancelled stores nothing).
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

    static final CacheLookup BYPASSED = new CacheLookup(Status.BYPASS, null, null, null, null);

    private final Status status;
    private final String key;
    private final CacheRules rules;
    private final CachedAnswer hit;
    private final EmbeddingBatch batch;
    private volatile byte[] candidate;
    private volatile EmbeddingResponse assembled;
    private volatile CachedAnswer stored;

    private CacheLookup(Status status, String key, CacheRules rules, CachedAnswer hit, EmbeddingBatch batch) {
        this.status = status;
        this.key = key;
        this.rules = rules;
        this.hit = hit;
        this.batch = batch;
    }

    static CacheLookup hit(String key, CacheRules rules, CachedAnswer answer) {
        return new CacheLookup(Status.HIT, key, rules, answer, null);
    }

    static CacheLookup miss(String key, CacheRules rules) {
        return new CacheLookup(Status.MISS, key, rules, null, null);
    }

    /** An embeddings batch some (or none) of whose texts were found: the model embeds the rest. */
    static CacheLookup batch(CacheRules rules, EmbeddingBatch batch) {
        Status status = batch.missing().size() == batch.size() ? Status.MISS : Status.PARTIAL;
        return new CacheLookup(status, null, rules, null, batch);
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

    /** What the cache saved in dollars, or {@code null} when nothing or unknown. */
    public BigDecimal savedCostUsd() {
        return hit != null ? hit.costUsd() : batch != null ? batch.savedCostUsd() : null;
    }

    /** The answer of an embeddings batch, whose new vectors are stored per text on success. */
    void assembled(EmbeddingResponse answer) {
        this.assembled = answer;
    }

    EmbeddingResponse assembled() {
        return assembled;
    }

    /** The answer stored on a miss once it was written, for the semantic tier to keep too; else {@code null}. */
    void stored(CachedAnswer answer) {
        this.stored = answer;
    }

    CachedAnswer stored() {
        return stored;
    }

    /** The answer's JSON, to store on success (a miss only). */
    void candidate(byte[] answer) {
        this.candidate = answer;
    }

    byte[] candidate() {
        return candidate;
    }
}
