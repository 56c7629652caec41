package ai.switchboard.tools.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP's stdio transport for a command an admin registered. Written here rather than taken from the SDK because its
 * StdioClientTransport (2.2.0) always passes the gateway's HOME, USER, SHELL, TERM and LOGNAME on (its
 * ServerParameters add them and cannot drop them), never reports that the process died (calls in flight would wait
 * for their timeout), and waits without a bound for the process to exit on close.
 *
 * <p>The process runs without a shell, with exactly the configured arguments, in an environment built from nothing:
 * the gateway's {@code PATH} and the configured variables. One thread writes its stdin (so no caller ever blocks on
 * a full pipe), one reads its stdout and one drains its stderr into the debug log. When stdout ends, the exception
 * handler hears that the process exited. Closing follows the MCP specification: close stdin, wait, SIGTERM, wait,
 * SIGKILL; descendants of the process get the same signals.
 */
final class StdioProcessTransport implements McpClientTransport {

    private static final Logger log = LoggerFactory.getLogger(StdioProcessTransport.class);
    private static final int STDERR_LINE_CHARS = 500;

    private final McpServerConfig config;
    private final McpJsonMapper jsonMapper;
    private final int maxLineBytes;
    private final Duration shutdownGrace;
    private final ExecutorService writer;
    private volatile Consumer<Throwable> exceptionHandler = error -> { };
    private volatile Process process;
    private volatile IOException startFailure;
    private volatile boolean closing;
    private volatile String lastStderrLine;

    StdioProcessTransport(McpServerConfig config, McpJsonMapper jsonMapper, McpClientSettings settings) {
        this.config = config;
        this.jsonMapper = jsonMapper;
        this.maxLineBytes = settings.maxMessageBytes();
        this.shutdownGrace = settings.shutdownGrace();
        this.writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("mcp-stdio-" + config.name() + "-in").factory());
    }

    /**
     * Starts the process on the writer thread, so messages sent meanwhile queue behind the start. A process that
     * cannot start fails the first message (the initialize request) with the reason, rather than the connect, which
     * the SDK would only log.
     */
    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.fromFuture(() -> CompletableFuture.runAsync(() -> start(handler), writer));
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        this.exceptionHandler = handler;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromFuture(() -> CompletableFuture.runAsync(() -> write(message), writer));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return jsonMapper.convertValue(data, typeRef);
    }

    /** Stops the process; cancelling the returned Mono does not stop the shutdown half-way. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromFuture(this::shutdown, true);
    }

    private void start(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(config.command());
        commandLine.addAll(config.args());
        ProcessBuilder builder = new ProcessBuilder(commandLine);
        Map<String, String> environment = builder.environment();
        environment.clear();
        String path = System.getenv("PATH");
        if (path != null) {
            environment.put("PATH", path);
        }
        environment.putAll(config.env());
        try {
            Process started = builder.start();
            process = started;
            Thread.ofPlatform().daemon().name("mcp-stdio-" + config.name() + "-out")
                    .start(() -> readMessages(started, handler));
            Thread.ofPlatform().daemon().name("mcp-stdio-" + config.name() + "-err")
                    .start(() -> drainStderr(started));
        } catch (IOException e) {
            startFailure = new IOException("Could not start " + config.command() + ": " + e.getMessage(), e);
        }
    }

    private void write(McpSchema.JSONRPCMessage message) {
        try {
            if (startFailure != null) {
                throw startFailure;
            }
            if (closing || process == null) {
                throw new IOException("The MCP server process of '" + config.name() + "' is closed");
            }
            OutputStream stdin = process.getOutputStream();
            stdin.write(jsonMapper.writeValueAsBytes(message));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readMessages(Process started,
            Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        IOException failure = null;
        try (InputStream stdout = new BufferedInputStream(started.getInputStream())) {
            for (String line = readLine(stdout); line != null; line = readLine(stdout)) {
                dispatch(line, handler);
            }
        } catch (IOException e) {
            failure = e;
        }
        if (!closing) {
            exceptionHandler.accept(exited(started, failure));
        }
    }

    private void dispatch(String line,
            Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        if (line.isBlank()) {
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(jsonMapper, line);
        } catch (IOException | RuntimeException e) {
            // Servers that log to stdout are common; their lines are skipped, never logged (they may hold data).
            log.debug("MCP server '{}' wrote a line of {} characters that is not JSON-RPC", config.name(),
                    line.length());
            return;
        }
        handler.apply(Mono.just(message)).subscribe(null,
                error -> log.debug("MCP server '{}': message not handled: {}", config.name(), error.toString()));
    }

    /** One line of stdout without its terminator, or null at the end; a line longer than the limit is an error. */
    private String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) != -1 && next != '\n') {
            if (line.size() >= maxLineBytes) {
                throw new IOException("The MCP server wrote a message longer than " + maxLineBytes + " bytes");
            }
            line.write(next);
        }
        if (next == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private IOException exited(Process started, IOException failure) {
        if (failure != null) {
            started.destroyForcibly();
            return failure;
        }
        String code;
        try {
            code = started.waitFor(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)
                    ? "exited with code " + started.exitValue() : "closed its stdout";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = "closed its stdout";
        }
        String stderr = lastStderrLine;
        return new IOException("The MCP server process " + code + (stderr == null ? "" : "; it last said: " + stderr));
    }

    private void drainStderr(Process started) {
        try (var stderr = started.errorReader(StandardCharsets.UTF_8)) {
            for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
                String shortened = line.length() > STDERR_LINE_CHARS ? line.substring(0, STDERR_LINE_CHARS) : line;
                if (!shortened.isBlank()) {
                    lastStderrLine = shortened;
                }
                log.debug("MCP server '{}' stderr: {}", config.name(), shortened);
            }
        } catch (IOException e) {
            log.debug("MCP server '{}': stderr closed: {}", config.name(), e.toString());
        }
    }

    private CompletableFuture<Void> shutdown() {
        closing = true;
        Process started = process;
        CompletableFuture<Void> stdinClosed = CompletableFuture.runAsync(() -> {
            if (started != null) {
                closeQuietly(started.getOutputStream());
            }
        }, writer);
        writer.shutdown();
        if (started == null) {
            return stdinClosed.exceptionally(error -> null);
        }
        List<ProcessHandle> descendants = started.descendants().toList();
        return stdinClosed.exceptionally(error -> null)
                .thenCompose(ignored -> exitWithin(started))
                .thenCompose(exited -> {
                    if (exited) {
                        return CompletableFuture.completedFuture(true);
                    }
                    descendants.forEach(ProcessHandle::destroy);
                    started.destroy();
                    return exitWithin(started);
                })
                .thenAccept(exited -> {
                    descendants.forEach(ProcessHandle::destroyForcibly);
                    if (!exited) {
                        log.warn("MCP server '{}' ignored SIGTERM and was killed", config.name());
                        started.destroyForcibly();
                    }
                });
    }

    private CompletableFuture<Boolean> exitWithin(Process started) {
        return started.onExit()
                .thenApply(exited -> true)
                .completeOnTimeout(false, shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // The process already closed its end.
        }
    }
}
