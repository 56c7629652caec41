package ai.switchboard.gateway.cache;

import java.util.Locale;

/**
 * What the cache stage found for one request, and, on a miss, the answer waiting to be stored once it has been
 * written to the client (a request that fails, is cut or is cancelled stores nothing).
 */
public final class CacheLookup {

    /** The request's result, as the {@code x-switchboard-cache} header and the metrics name it. */
    public enum Status {
        HIT, MISS, BYPASS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final CacheLookup BYPASSED = new CacheLookup(Status.BYPASS, null, null, null);

    private final Status status;
    private final String key;
    private final CacheRules rules;
    private final CachedAnswer hit;
    private volatile byte[] candidate;

    private CacheLookup(Status status, String key, CacheRules rules, CachedAnswer hit) {
        this.status = status;
        this.key = key;
        this.rules = rules;
        this.hit = hit;
    }

    static CacheLookup hit(String key, CacheRules rules, CachedAnswer answer) {
        return new CacheLookup(Status.HIT, key, rules, answer);
    }

    static CacheLookup miss(String key, CacheRules rules) {
        return new CacheLookup(Status.MISS, key, rules, null);
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

    /** The answer's JSON, to store on success (a miss only). */
    void candidate(byte[] answer) {
        this.candidate = answer;
    }

    byte[] candidate() {
        return candidate;
    }
}
