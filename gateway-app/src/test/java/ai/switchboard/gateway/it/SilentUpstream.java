package ai.switchboard.gateway.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback upstream that goes silent: it takes a request, sends nothing or the first events of a stream, and then
 * holds the connection open until it is closed. WireMock's delays would hold one of the shared WireMock's threads
 * per call for the whole delay; this server gives every call its own thread and lets them all go on {@link #close()}.
 */
final class SilentUpstream implements AutoCloseable {

    /** The longest a call is held, so a broken timeout fails its test instead of hanging the run. */
    private static final long HOLD_SECONDS = 20;

    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    SilentUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.start();
    }

    /** An OpenAI-compatible base URL whose chat completions at {@code /<prefix>/v1} answer nothing at all. */
    String mute(String prefix) {
        return handle(prefix, exchange -> {
        });
    }

    /** As {@link #mute}, but a stream starts: status 200 and the given SSE {@code events}, then silence. */
    String stall(String prefix, List<String> events) {
        return handle(prefix, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (String event : events) {
                body.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            body.flush();
        });
    }

    /** How many calls reached {@code prefix}. */
    int calls(String prefix) {
        AtomicInteger count = calls.get(prefix);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private String handle(String prefix, Head head) {
        AtomicInteger count = calls.computeIfAbsent(prefix, name -> new AtomicInteger());
        server.createContext("/" + prefix + "/v1/chat/completions", exchange -> {
            count.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            head.send(exchange);
            try {
                release.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + prefix + "/v1";
    }

    @FunctionalInterface
    private interface Head {
        void send(HttpExchange exchange) throws IOException;
    }
}
