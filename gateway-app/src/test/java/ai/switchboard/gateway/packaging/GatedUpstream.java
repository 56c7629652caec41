package ai.switchboard.gateway.packaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible upstream for process-level tests, answering chat completions as JSON or as a short stream.
 * Requests for the upstream model {@value #HELD} are held, a stream after its first chunk, until {@link #release()}:
 * a test can then act (send SIGTERM, say) while exactly those requests are in flight in the gateway.
 */
final class GatedUpstream implements AutoCloseable {

    static final String FAST = "fast";
    static final String HELD = "held";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final Semaphore heldArrivals = new Semaphore(0);

    GatedUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Waits until {@code count} held requests have arrived (and are waiting for {@link #release()}). */
    boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
        return heldArrivals.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets every held request, and any later one, finish. */
    void release() {
        gate.countDown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean held = body.contains("\"model\":\"" + HELD + "\"");
            boolean stream = body.contains("\"stream\":true");
            if (held) {
                heldArrivals.release();
            }
            if (stream) {
                stream(exchange, held);
            } else {
                awaitGate(held);
                byte[] json = completion().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            }
        }
    }

    private void stream(HttpExchange exchange, boolean held) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        event(out, chunk("{\"content\":\"one \"}", "null"));
        awaitGate(held);
        event(out, chunk("{\"content\":\"two\"}", "null"));
        event(out, chunk("{}", "\"stop\""));
        event(out, "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}");
        event(out, "[DONE]");
    }

    private void awaitGate(boolean held) {
        if (!held) {
            return;
        }
        try {
            gate.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }

    private static String completion() {
        return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"answer\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
