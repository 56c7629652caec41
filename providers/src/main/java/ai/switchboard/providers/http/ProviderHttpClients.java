package ai.switchboard.providers.http;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.json.WireJson;
import io.netty.channel.ChannelOption;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One {@link WebClient}, with its own bounded connection pool, per provider. Clients are keyed by the provider's
 * name and rebuilt when its {@link ProviderEndpoint#revision()} grows, so an admin edit of a timeout takes effect on
 * the next request while calls already running finish on the old pool, which is disposed gracefully.
 *
 * <p>Thread-safe; {@link #client(ProviderEndpoint)} is cheap after the first call for a revision (one map lookup).
 * Closing disposes every pool.
 */
public final class ProviderHttpClients implements AutoCloseable {

    private final ProviderHttpSettings settings;
    private final ConcurrentMap<String, CachedClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ProviderHttpClients(ProviderHttpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        initializeTlsDefaults();
    }

    public ProviderHttpClients() {
        this(ProviderHttpSettings.defaults());
    }

    /** The settings every client is built with. */
    public ProviderHttpSettings settings() {
        return settings;
    }

    /**
     * The client for this endpoint's provider. Base URL, credentials and headers are not baked in (callers set them
     * per request), so a client built for a newer revision also serves a request holding an older snapshot.
     */
    public WebClient client(ProviderEndpoint endpoint) {
        CachedClient cached = clients.get(endpoint.name());
        if (cached != null && cached.revision() >= endpoint.revision()) {
            return cached.webClient();
        }
        if (closed) {
            throw new IllegalStateException("ProviderHttpClients is closed");
        }
        return clients.compute(endpoint.name(), (name, current) -> {
            if (current != null && current.revision() >= endpoint.revision()) {
                return current;
            }
            if (current != null) {
                current.dispose();
            }
            return build(endpoint);
        }).webClient();
    }

    /** Drops and disposes the client of a provider that was removed from the registry. */
    public void evict(String providerName) {
        CachedClient removed = clients.remove(providerName);
        if (removed != null) {
            removed.dispose();
        }
    }

    /** How many provider clients are cached. */
    public int size() {
        return clients.size();
    }

    @Override
    public void close() {
        closed = true;
        clients.keySet().forEach(this::evict);
    }

    /**
     * Reactor Netty builds its default TLS context, reading the OS entropy source, the first time any client's
     * protocols are set. Provider clients are built lazily by the first request to each provider, on an event loop,
     * where that read would block; doing it once here, when the application wires its clients, keeps it off the hot
     * path. {@code newConnection()} allocates no pool, so nothing needs disposing.
     */
    private static void initializeTlsDefaults() {
        HttpClient.newConnection().protocol(HttpProtocol.HTTP11, HttpProtocol.H2);
    }

    private CachedClient build(ProviderEndpoint endpoint) {
        ConnectionProvider pool = ConnectionProvider.builder("switchboard-" + endpoint.name())
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(settings.pendingAcquireMaxCount())
                .pendingAcquireTimeout(settings.pendingAcquireTimeout())
                .maxIdleTime(settings.maxIdleTime())
                .maxLifeTime(settings.maxLifeTime())
                .evictInBackground(settings.evictionInterval())
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(endpoint.connectTimeout().toMillis()))
                // Reactor Netty applies this between two reads of the response, so it also catches a stalled stream.
                .responseTimeout(endpoint.responseTimeout())
                // Compressed SSE is buffered by the upstream's compressor; plain bytes reach the client sooner.
                .compress(false)
                .followRedirect(false)
                .protocol(settings.http2()
                        ? new HttpProtocol[] {HttpProtocol.HTTP11, HttpProtocol.H2}
                        : new HttpProtocol[] {HttpProtocol.HTTP11});
        WebClient webClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> {
                    JacksonJsonDecoder decoder = new JacksonJsonDecoder(WireJson.mapper());
                    decoder.setMaxInMemorySize(settings.maxInMemorySize());
                    codecs.defaultCodecs().maxInMemorySize(settings.maxInMemorySize());
                    codecs.defaultCodecs().jacksonJsonDecoder(decoder);
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(WireJson.mapper()));
                })
                .build();
        return new CachedClient(endpoint.revision(), webClient, pool);
    }

    private record CachedClient(long revision, WebClient webClient, ConnectionProvider pool) {

        /** Idle connections close now; connections still serving a call close when it releases them. */
        void dispose() {
            pool.disposeLater().subscribe();
        }
    }
}
