package ai.switchboard.tools.mcp;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * All upstream MCP servers of one gateway: the registry hands it the configured servers with {@link #apply}, and it
 * keeps one {@link McpServerConnection} per server, their tools, their health and their metrics. Reads are lock-free
 * and never wait for a server.
 */
public final class McpClientManager implements AutoCloseable {

    private final McpClientSettings settings;
    private final MeterRegistry registry;
    private final Clock clock;
    private final DoubleSupplier random;
    private final JsonMapper json = JsonMapper.shared();
    private final JacksonMcpJsonMapper mcpJson = new JacksonMcpJsonMapper(json);
    private final ConcurrentMap<String, McpServerConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, McpClientMetrics> metrics = new HashMap<>();
    private boolean closed;

    public McpClientManager(McpClientSettings settings, MeterRegistry registry) {
        this(settings, registry, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    McpClientManager(McpClientSettings settings, MeterRegistry registry, Clock clock, DoubleSupplier random) {
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Makes the set of servers exactly {@code configs}: new servers start connecting, removed ones are closed, and a
     * server whose configuration changed (its secrets included) is reconnected from scratch; unchanged servers keep
     * their connection. Returns at once; connecting happens in the background.
     */
    public synchronized void apply(Collection<McpServerConfig> configs) {
        if (closed) {
            throw new IllegalStateException("The MCP client manager is closed");
        }
        Map<String, McpServerConfig> wanted = new LinkedHashMap<>();
        for (McpServerConfig config : configs) {
            if (wanted.putIfAbsent(config.name(), config) != null) {
                throw new IllegalArgumentException("Two MCP servers are named " + config.name());
            }
        }
        List.copyOf(connections.keySet()).stream()
                .filter(name -> !wanted.containsKey(name))
                .forEach(this::remove);
        wanted.values().forEach(this::upsert);
    }

    /** Every server's health, by name. */
    public List<McpServerHealth> health() {
        return connections.values().stream()
                .map(McpServerConnection::health)
                .sorted(Comparator.comparing(McpServerHealth::server))
                .toList();
    }

    /** The connection to the server named {@code name}. */
    public Optional<McpServerConnection> connection(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    /** Every tool offered now, by server name, each server's tools in its own order. */
    public List<McpTool> tools() {
        return connections.values().stream()
                .sorted(Comparator.comparing(McpServerConnection::name))
                .flatMap(connection -> connection.tools().stream())
                .toList();
    }

    /** The tool a model calls {@code exposedName}; the server's name is what comes before the first {@code __}. */
    public Optional<McpTool> tool(String exposedName) {
        int separator = exposedName.indexOf("__");
        return separator <= 0 ? Optional.empty()
                : connection(exposedName.substring(0, separator)).flatMap(server -> server.tool(exposedName));
    }

    /** Closes every connection and waits, within each one's bound, for the servers to be told. */
    public Mono<Void> closeGracefully() {
        return closeConnections(true);
    }

    /**
     * Closes every connection like {@link #closeGracefully()} but stays usable: {@link #apply} connects again. For an
     * application that is stopped and started again (Spring pauses test contexts it caches), where a closed manager
     * would refuse every later server.
     */
    public Mono<Void> disconnectAll() {
        return closeConnections(false);
    }

    private Mono<Void> closeConnections(boolean forGood) {
        List<McpServerConnection> closing;
        synchronized (this) {
            closed |= forGood;
            closing = List.copyOf(connections.values());
            connections.clear();
            metrics.values().forEach(McpClientMetrics::remove);
            metrics.clear();
        }
        return Flux.fromIterable(closing).flatMap(McpServerConnection::closeGracefully).then();
    }

    @Override
    public void close() {
        closeGracefully().subscribe();
    }

    private void upsert(McpServerConfig config) {
        McpServerConnection existing = connections.get(config.name());
        if (existing != null && existing.config().equals(config)) {
            return;
        }
        McpServerConnection fresh = new McpServerConnection(config, settings, json, mcpJson, clock, random);
        connections.put(config.name(), fresh);
        if (existing != null) {
            existing.close();
        }
        metrics.computeIfAbsent(config.name(), name -> new McpClientMetrics(registry, name, () -> healthOf(name)));
        fresh.start();
    }

    private void remove(String name) {
        McpServerConnection removed = connections.remove(name);
        McpClientMetrics meters = metrics.remove(name);
        if (meters != null) {
            meters.remove();
        }
        if (removed != null) {
            removed.close();
        }
    }

    private McpServerHealth healthOf(String name) {
        McpServerConnection connection = connections.get(name);
        return connection != null ? connection.health() : McpServerHealth.initial(name, McpServerState.CLOSED);
    }
}
