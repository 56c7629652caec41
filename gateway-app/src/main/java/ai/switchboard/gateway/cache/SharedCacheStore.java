package ai.switchboard.gateway.cache;

/**
 * The tier every replica shares, so an answer stored by one is a hit on all. Blocking: called only on the cache's own
 * bounded scheduler, never on an event loop.
 */
interface SharedCacheStore {

    /** The live entry under {@code key}, or {@code null}. */
    CachedAnswer find(String key, long nowMillis);

    /** Stores {@code answer} under {@code key}, replacing whatever was there. */
    void put(String key, CachedAnswer answer, long nowMillis);

    /** Deletes the expired entries; returns how many. */
    int deleteExpired(long nowMillis);
}
