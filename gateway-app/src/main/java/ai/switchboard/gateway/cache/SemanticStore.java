package ai.switchboard.gateway.cache;

import java.util.List;

/**
 * The semantic entries every replica shares, so that an answer stored by one can match on all. Blocking: called only
 * on the cache's own bounded scheduler, never on an event loop.
 */
interface SemanticStore {

    /** Stores an entry; returns its id, which orders the entries of a partition. */
    long put(String partition, float[] unitVector, CachedAnswer answer, long nowMillis);

    /** The live entries of {@code partition} with an id above {@code afterId}, oldest first, at most {@code limit}. */
    List<SemanticIndex.Entry> after(String partition, long afterId, long nowMillis, int limit);

    /** Deletes the expired entries; returns how many. */
    int deleteExpired(long nowMillis);
}
