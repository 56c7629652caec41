package ai.switchboard.providers.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection-pool and codec limits shared by every provider's HTTP client. Per-provider timeouts come from the
 * {@link ai.switchboard.providers.api.ProviderEndpoint}; these values bound resources, not latency.
 *
 * @param maxConnections the most connections one provider's pool may open
 * @param pendingAcquireMaxCount the most requests that may wait for a connection before failing fast
 * @param pendingAcquireTimeout how long a request may wait for a free connection
 * @param maxIdleTime how long an unused connection is kept; below typical upstream idle cut-offs (60 s and more)
 *     so that the gateway, not the upstream, closes it and no request is sent on a half-closed socket
 * @param maxLifeTime the longest a connection is reused, so DNS changes of the upstream are picked up
 * @param evictionInterval how often idle and expired connections are closed in the background
 * @param maxInMemorySize the largest JSON body (or single SSE event) decoded in memory, in bytes
 * @param maxErrorBodySize how many bytes of a non-2xx body are read to classify it; the rest is discarded
 * @param http2 whether to offer HTTP/2 (negotiated by ALPN over TLS) in addition to HTTP/1.1
 */
public record ProviderHttpSettings(
        int maxConnections,
        int pendingAcquireMaxCount,
        Duration pendingAcquireTimeout,
        Duration maxIdleTime,
        Duration maxLifeTime,
        Duration evictionInterval,
        int maxInMemorySize,
        int maxErrorBodySize,
        boolean http2) {

    public ProviderHttpSettings {
        if (maxConnections < 1 || pendingAcquireMaxCount < 1) {
            throw new IllegalArgumentException("maxConnections and pendingAcquireMaxCount must be positive");
        }
        if (maxInMemorySize < 1024 || maxErrorBodySize < 256) {
            throw new IllegalArgumentException("maxInMemorySize must be at least 1 KB and maxErrorBodySize 256 B");
        }
        Objects.requireNonNull(pendingAcquireTimeout, "pendingAcquireTimeout");
        Objects.requireNonNull(maxIdleTime, "maxIdleTime");
        Objects.requireNonNull(maxLifeTime, "maxLifeTime");
        Objects.requireNonNull(evictionInterval, "evictionInterval");
    }

    /**
     * Defaults sized for one gateway replica talking to hosted providers. Over HTTP/1.1 every stream holds a
     * connection, so the pool is as large as the routing layer's default concurrency limit per deployment and is
     * never the hidden, lower one; connections are opened only as calls need them.
     */
    public static ProviderHttpSettings defaults() {
        return new ProviderHttpSettings(10_000, 1000, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(10), Duration.ofSeconds(15), 16 * 1024 * 1024, 64 * 1024, false);
    }
}
