package ai.switchboard.tools.mcp;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's connection to one upstream MCP server, and its lifecycle: connect (start the process or open the
 * session), initialise, list tools, offer them; re-list on {@code notifications/tools/list_changed}; on a failed
 * attempt or a lost connection, drop the tools, fail the calls in flight at once and try again after a backoff
 * ({@link McpBackoff}), for as long as the server is registered.
 *
 * <p>Nothing here waits for the server on the caller's thread: connecting runs in the background, and a call to a
 * server that is not ready is answered at once with {@link McpCallError#UNAVAILABLE}. Every call is bounded by the
 * configured call timeout and never fails: its outcome says what happened. Tool arguments and results are never
 * logged.
 */
public final class McpServerConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(McpServerConnection.class);
    private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {
    };
    private static final int MAX_ERROR_CHARS = 500;

    private final McpServerConfig config;
    private final McpClientSettings settings;
    private final McpJsonMapper mcpJson;
    private final JsonMapper json;
    private final McpToolResults results;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Sinks.Many<McpServerHealth> healthUpdates = Sinks.many().replay().latest();
    private final Sinks.Many<Collection<McpTool>> toolUpdates = Sinks.many().replay().latest();
    private final Object lock = new Object();

    private volatile McpServerHealth health;
    private volatile Map<String, McpTool> tools = Map.of();
    private volatile Attempt current;
    private Disposable retry;
    private boolean started;
    private boolean closed;

    McpServerConnection(McpServerConfig config, McpClientSettings settings, JsonMapper json, McpJsonMapper mcpJson,
            Clock clock, DoubleSupplier random) {
        this.config = config;
        this.settings = settings;
        this.json = json;
        this.mcpJson = mcpJson;
        this.results = new McpToolResults(json, settings.maxResultChars());
        this.clock = clock;
        this.random = random;
        this.health = McpServerHealth.initial(config.name(), config.enabled()
                ? McpServerState.CONNECTING : McpServerState.DISABLED);
        healthUpdates.tryEmitNext(health);
        toolUpdates.tryEmitNext(List.of());
    }

    public String name() {
        return config.name();
    }

    public McpServerConfig config() {
        return config;
    }

    public McpServerHealth health() {
        return health;
    }

    /** The current health, then every change; completes when the connection is closed. Subscribers must not block. */
    public Flux<McpServerHealth> healthUpdates() {
        return healthUpdates.asFlux();
    }

    /** The tools offered now: none unless the server is ready. */
    public Collection<McpTool> tools() {
        return tools.values();
    }

    /** The tool offered under {@code exposedName}, if the server is ready and offers it. */
    public Optional<McpTool> tool(String exposedName) {
        return Optional.ofNullable(tools.get(exposedName));
    }

    /** The tools offered now, then the tools after every change (ready, re-listed, lost). */
    public Flux<Collection<McpTool>> toolUpdates() {
        return toolUpdates.asFlux();
    }

    /** Starts connecting in the background, unless the server is disabled; does nothing the second time. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
            if (config.enabled()) {
                connect();
            }
        }
    }

    /**
     * Calls {@code upstreamName} with {@code arguments} (a JSON object) on the server, as MCP sees it: for the
     * gateway's own MCP endpoint, which passes results through. Never fails and never outlives the call timeout.
     */
    public Mono<McpCallOutcome> callTool(String upstreamName, Map<String, Object> arguments) {
        return Mono.defer(() -> {
            Attempt attempt = current;
            McpServerHealth now = health;
            if (attempt == null || now.state() != McpServerState.READY) {
                return Mono.just(unavailable(now));
            }
            return attempt.client.callTool(new McpSchema.CallToolRequest(upstreamName, arguments))
                    .timeout(config.callTimeout())
                    .<McpCallOutcome>map(McpCallOutcome.Completed::new)
                    .onErrorResume(error -> Mono.just(classify(attempt, error)));
        })
                // The SDK's HTTP transport may resolve a host name on the subscribing thread: never a Netty loop.
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Calls the tool for a model: the outcome as the JSON of {@link McpToolResults}. */
    Mono<JsonNode> call(String upstreamName, String exposedName, JsonNode arguments) {
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            return Mono.just(results.toModelJson(name(), exposedName, new McpCallOutcome.Failed(
                    McpCallError.FAILURE, "Tool arguments must be a JSON object", null)));
        }
        Map<String, Object> argumentMap = arguments == null || arguments.isNull()
                ? Map.of() : json.convertValue(arguments, ARGUMENTS);
        return callTool(upstreamName, argumentMap)
                .map(outcome -> results.toModelJson(name(), exposedName, outcome));
    }

    /** Closes the connection for good and waits, within a bound, for the server to be told. */
    public Mono<Void> closeGracefully() {
        Attempt closing;
        synchronized (lock) {
            if (closed) {
                return Mono.empty();
            }
            closed = true;
            if (retry != null) {
                retry.dispose();
            }
            closing = current;
            current = null;
            setTools(Map.of());
            publish(health.closed());
            healthUpdates.tryEmitComplete();
            toolUpdates.tryEmitComplete();
        }
        if (closing == null) {
            return Mono.empty();
        }
        return closeWithin(closing.client, settings.shutdownGrace().multipliedBy(3));
    }

    @Override
    public void close() {
        closeGracefully().subscribe(null, error -> log.debug("MCP server '{}': close failed", name(), error));
    }

    private void connect() {
        Attempt attempt = new Attempt();
        try {
            attempt.client = newClient(attempt);
        } catch (RuntimeException e) {
            current = attempt;
            failed(attempt, e);
            return;
        }
        current = attempt;
        publish(health.connecting());
        Mono.fromRunnable(this::checkAddress)
                .then(Mono.defer(attempt.client::initialize))
                .then(Mono.defer(attempt.client::listTools))
                .timeout(config.connectTimeout())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(listed -> ready(attempt, listed.tools()), error -> failed(attempt, error));
    }

    /** Runs on a blocking thread (DNS): the address may have changed since the server was registered. */
    private void checkAddress() {
        if (settings.addressGuard() != null && config.transport() == McpTransportType.STREAMABLE_HTTP) {
            String refusal = settings.addressGuard().refusal(config.url());
            if (refusal != null) {
                throw new McpAddressRefusedException(refusal);
            }
        }
    }

    private McpAsyncClient newClient(Attempt attempt) {
        var transport = new LossDetectingTransport(McpTransports.create(config, mcpJson, settings),
                error -> failed(attempt, error));
        Duration longest = config.callTimeout().compareTo(config.connectTimeout()) > 0
                ? config.callTimeout() : config.connectTimeout();
        return McpClient.async(transport)
                .clientInfo(new McpSchema.Implementation("switchboard", settings.clientVersion()))
                .capabilities(McpSchema.ClientCapabilities.builder().build())
                .requestTimeout(longest)
                .initializationTimeout(config.connectTimeout())
                .toolsChangeConsumer(listed -> Mono.fromRunnable(() -> toolsChanged(attempt, listed)))
                .build();
    }

    private void ready(Attempt attempt, List<McpSchema.Tool> listed) {
        boolean relist;
        synchronized (lock) {
            if (attempt != current || closed) {
                return;
            }
            setTools(McpToolCatalog.build(this, listed, json));
            publish(health.ready(tools.size(), clock.instant()));
            relist = attempt.toolsChangedWhileConnecting;
        }
        log.info("MCP server '{}' is ready with {} tools", name(), tools.size());
        if (relist) {
            attempt.client.listTools()
                    .timeout(config.connectTimeout())
                    .subscribe(again -> toolsChanged(attempt, again.tools()), error -> log.warn(
                            "MCP server '{}': re-listing tools failed: {}", name(), describe(error)));
        }
    }

    private void toolsChanged(Attempt attempt, List<McpSchema.Tool> listed) {
        synchronized (lock) {
            if (attempt != current || closed) {
                return;
            }
            if (health.state() != McpServerState.READY) {
                attempt.toolsChangedWhileConnecting = true;
                return;
            }
            setTools(McpToolCatalog.build(this, listed, json));
            publish(health.withTools(tools.size()));
        }
        log.info("MCP server '{}' changed its tools: {} offered now", name(), tools.size());
    }

    private void failed(Attempt attempt, Throwable error) {
        boolean wasReady;
        Duration delay;
        synchronized (lock) {
            if (attempt != current || closed) {
                return;
            }
            current = null;
            wasReady = health.state() == McpServerState.READY;
            setTools(Map.of());
            delay = settings.backoff().delay(health.consecutiveFailures() + 1, random.getAsDouble());
            Instant now = clock.instant();
            publish(health.failed(describe(error), now, now.plus(delay)));
            retry = Mono.delay(delay).subscribe(tick -> reconnect());
        }
        log.warn("MCP server '{}' {}: {}; next attempt in {} ms", name(),
                wasReady ? "lost its connection" : "could not be connected", describe(error), delay.toMillis());
        // Closing fails the calls in flight at once: they see their attempt is gone and report the lost connection.
        if (attempt.client != null) {
            quietlyClose(attempt.client);
        }
    }

    /**
     * Closes a client: the calls in flight fail at once, then the transport tells the server (an HTTP DELETE of the
     * session, or stdin closed and the process stopped) within a bound. A server that is gone cannot be told, which
     * is expected here and not worth a warning.
     */
    private Mono<Void> closeWithin(McpAsyncClient client, Duration bound) {
        return client.closeGracefully()
                .timeout(bound)
                .onErrorResume(error -> {
                    log.debug("MCP server '{}': closing the old connection: {}", name(), describe(error));
                    return Mono.empty();
                });
    }

    private void quietlyClose(McpAsyncClient client) {
        closeWithin(client, settings.shutdownGrace().multipliedBy(3)).subscribe();
    }

    private void reconnect() {
        synchronized (lock) {
            if (!closed && current == null) {
                connect();
            }
        }
    }

    private McpCallOutcome classify(Attempt attempt, Throwable error) {
        if (error instanceof TimeoutException) {
            return new McpCallOutcome.Failed(McpCallError.TIMEOUT, "The MCP server '" + name()
                    + "' did not answer within " + config.callTimeout().toMillis() + " ms", null);
        }
        if (attempt != current || LossDetectingTransport.isLoss(error)) {
            return new McpCallOutcome.Failed(McpCallError.CONNECTION_LOST, "The connection to the MCP server '"
                    + name() + "' was lost during the call", health.retryAt());
        }
        if (error instanceof McpError mcpError && mcpError.getJsonRpcError() != null) {
            return new McpCallOutcome.Failed(McpCallError.PROTOCOL_ERROR, "The MCP server '" + name()
                    + "' refused the call: " + shorten(mcpError.getJsonRpcError().message()) + " (JSON-RPC error "
                    + mcpError.getJsonRpcError().code() + ")", null);
        }
        return new McpCallOutcome.Failed(McpCallError.FAILURE, "The call to the MCP server '" + name()
                + "' failed: " + describe(error), null);
    }

    private McpCallOutcome.Failed unavailable(McpServerHealth now) {
        return new McpCallOutcome.Failed(McpCallError.UNAVAILABLE, "The MCP server '" + name()
                + "' is not available (" + now.state().wireName() + ")", now.retryAt());
    }

    /** Each cause of the chain with its message, on one bounded line: for health and logs, never a stack trace. */
    static String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer in time";
        }
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null && text.length() < MAX_ERROR_CHARS; cause = cause.getCause()) {
            text.append(text.isEmpty() ? "" : "; caused by ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null && !cause.getMessage().isBlank()
                    && (cause.getCause() == null || !cause.getMessage().equals(cause.getCause().toString()))) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return shorten(text.toString().replaceAll("\\s+", " "));
    }

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
    }

    private void setTools(Map<String, McpTool> offered) {
        tools = offered;
        toolUpdates.tryEmitNext(offered.values());
    }

    private void publish(McpServerHealth next) {
        health = next;
        healthUpdates.tryEmitNext(next);
    }

    /** One connection attempt and the client it made; callbacks of an attempt that is no longer current are stale. */
    private static final class Attempt {

        private McpAsyncClient client;
        private boolean toolsChangedWhileConnecting;
    }
}
