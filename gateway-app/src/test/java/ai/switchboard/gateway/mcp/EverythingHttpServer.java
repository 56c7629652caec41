package ai.switchboard.gateway.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * server-everything over Streamable HTTP as a child process of the test, so a test can kill it and start it again on
 * the same port. It logs one line per HTTP request it receives; the tests use that to know a call has arrived.
 */
public final class EverythingHttpServer implements AutoCloseable {

    private final int port = McpTestServers.freePort();
    private final Object requests = new Object();
    private Process process;
    private int postsReceived;

    public static EverythingHttpServer start() {
        EverythingHttpServer server = new EverythingHttpServer();
        server.launch();
        return server;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    /** How many POSTs (MCP requests and notifications) the current process has received. */
    public int postsReceived() {
        synchronized (requests) {
            return postsReceived;
        }
    }

    /** Waits until the current process has received more than {@code count} POSTs. */
    public void awaitPostsAbove(int count) throws InterruptedException {
        long deadline = System.nanoTime() + McpTestServers.PATIENCE.toNanos();
        synchronized (requests) {
            while (postsReceived <= count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("The MCP server received no new request");
                }
                TimeUnit.NANOSECONDS.timedWait(requests, left);
            }
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the server again on the same port. */
    public void launch() {
        McpTestServers.everythingStdioArgs();
        synchronized (requests) {
            postsReceived = 0;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("node", McpTestServers.EVERYTHING.toString(), "streamableHttp")
                    .redirectErrorStream(true);
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start server-everything; is Node.js on the PATH?", e);
        }
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Process started = process;
        Thread.ofPlatform().daemon().name("everything-http-" + port).start(() -> follow(started, listening));
        try {
            listening.get(McpTestServers.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("server-everything did not start listening on port " + port, e);
        }
    }

    private void follow(Process started, CompletableFuture<Void> listening) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.contains("listening on port")) {
                    listening.complete(null);
                } else if (line.contains("Received MCP POST request")) {
                    synchronized (requests) {
                        postsReceived++;
                        requests.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed.
        }
        listening.completeExceptionally(new IllegalStateException("server-everything exited"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
