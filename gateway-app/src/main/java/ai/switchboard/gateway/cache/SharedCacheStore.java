package ai.switchboard.gateway.cache;

import java.util.List;
import java.util.Map;

/**
 * The tier every replica shares, so an answer stored by one is a hit on all. Blocking: called only on the cache's own
 * bounded scheduler, never on an event loop.
 */
interface SharedCacheStore {

    /** The live entry under {@code key}, or {@code null}. */
    CachedAnswer find(String key, long nowMillis);

    /** The live entries under any of {@code keys}, by key; absent keys are left out. */
    Map<String, CachedAnswer> findAll(List<String> keys, long nowMillis);

    /** Stores each of {@code answers} under its key, replacing whatever was there. */
    void putAll(Map<String, CachedAnswer> answers, long nowMillis);

    /** Stores {@code answer} under {@code key}, replacing whatever was there. */
    void put(String key, CachedAnswer answer, long nowMillis);

    /** Deletes the expired entries; returns how many. */
    int deleteExpired(long nowMillis);
}
