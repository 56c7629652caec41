package ai.switchboard.gateway.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The response cache's tiers. Whether a request is cached at all is registry data (cache policies), not
 * configuration; these only size and time the machinery.
 *
 * @param localMaxSize the in-process tier's size, counted in bytes of stored answers; the least used go first
 * @param shared whether the PostgreSQL tier is used, so that a hit on one replica is a hit on all
 * @param sharedTimeout how long a request waits for the shared tier before it counts as a miss; also the timeout of
 *     its statements
 * @param sharedRetry after a failure of the shared tier, how long the replica uses its own tier only
 * @param sharedThreads the threads that talk to the database for the cache (never the event loop)
 * @param sharedQueue the shared-tier calls that may wait for a thread; beyond it a read is a miss, a write is dropped
 * @param cleanUpInterval how often expired rows of the shared tier are deleted
 * @param semanticMaxEntries the semantic entries this replica keeps in memory (each holds its request's vector:
 *     about 6 KiB with 1,536 dimensions, plus its answer)
 */
@Validated
@ConfigurationProperties(prefix = CacheProperties.PREFIX)
public record CacheProperties(DataSize localMaxSize, Boolean shared, Duration sharedTimeout, Duration sharedRetry,
        Integer sharedThreads, Integer sharedQueue, Duration cleanUpInterval, Integer semanticMaxEntries) {

    public static final String PREFIX = "switchboard.cache";

    public CacheProperties {
        localMaxSize = localMaxSize == null ? DataSize.ofMegabytes(64) : localMaxSize;
        shared = shared == null || shared;
        sharedTimeout = sharedTimeout == null ? Duration.ofMillis(250) : sharedTimeout;
        sharedRetry = sharedRetry == null ? Duration.ofSeconds(5) : sharedRetry;
        sharedThreads = sharedThreads == null ? 2 : sharedThreads;
        sharedQueue = sharedQueue == null ? 256 : sharedQueue;
        cleanUpInterval = cleanUpInterval == null ? Duration.ofMinutes(1) : cleanUpInterval;
        semanticMaxEntries = semanticMaxEntries == null ? 100_000 : semanticMaxEntries;
        if (semanticMaxEntries < 0) {
            throw new IllegalArgumentException(PREFIX + ".semantic-max-entries must not be negative");
        }
        if (localMaxSize.toBytes() < 0) {
            throw new IllegalArgumentException(PREFIX + ".local-max-size must not be negative");
        }
        if (sharedTimeout.toMillis() < 1 || sharedRetry.toMillis() < 1 || cleanUpInterval.toMillis() < 1) {
            throw new IllegalArgumentException(PREFIX + ".shared-timeout, .shared-retry and .clean-up-interval must"
                    + " be positive");
        }
        if (sharedThreads < 1 || sharedThreads > 64 || sharedQueue < 1) {
            throw new IllegalArgumentException(PREFIX + ".shared-threads must be from 1 to 64 and .shared-queue"
                    + " positive");
        }
    }
}
