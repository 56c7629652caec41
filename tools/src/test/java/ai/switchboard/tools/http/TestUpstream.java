package ai.switchboard.tools.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The allowed upstream of the http tool tests, on 127.0.0.2 (a loopback address the tests allow by CIDR, apart from
 * the sinkhole's 127.0.0.1). Paths: {@code /api/json}, {@code /api/echo} (request line, headers and body as JSON,
 * and the Authorization header again in {@code X-Echo-Auth}), {@code /api/big} (1 MiB of text), {@code /api/slow}
 * (never answers), {@code /api/redirect?to=URL&status=N}, {@code /api/loop} (redirects to itself),
 * {@code /api/close} (answers with {@code Connection: close}), {@code /api/binary}, {@code /api/gzip}, and
 * {@code /other/page} (outside the {@code /api/} prefix).
 */
final class TestUpstream implements AutoCloseable {

    static final String HOST = "127.0.0.2";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    TestUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.2:<port>} */
    String base() {
        return "http://" + HOST + ":" + port();
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            switch (path) {
                case "/api/json" -> send(exchange, 200, "application/json", "{\"ok\":true,\"items\":[1,2,3]}");
                case "/api/echo" -> {
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    exchange.getResponseHeaders().add("X-Echo-Auth", authorization == null ? "none" : authorization);
                    send(exchange, 200, "application/json", echo(exchange));
                }
                case "/api/loop" -> {
                    exchange.getResponseHeaders().add("Location", "/api/loop");
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/api/big" -> send(exchange, 200, "text/plain", "x".repeat(1 << 20));
                case "/api/slow" -> {
                    awaitRelease();
                    send(exchange, 200, "text/plain", "late");
                }
                case "/api/redirect" -> redirect(exchange);
                case "/api/close" -> {
                    exchange.getResponseHeaders().add("Connection", "close");
                    send(exchange, 200, "text/plain", "closing");
                }
                case "/api/binary" -> send(exchange, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
                case "/api/gzip" -> {
                    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                    send(exchange, 200, "application/json", new byte[] {0x1f, (byte) 0x8b, 8, 0});
                }
                default -> send(exchange, path.startsWith("/other/") ? 200 : 404, "text/plain", "page " + path);
            }
        }
    }

    private static String echo(HttpExchange exchange) throws IOException {
        StringBuilder json = new StringBuilder("{\"method\":\"").append(exchange.getRequestMethod())
                .append("\",\"uri\":").append(quote(exchange.getRequestURI().toString())).append(",\"headers\":{");
        boolean first = true;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            json.append(first ? "" : ",").append(quote(header.getKey().toLowerCase())).append(':')
                    .append(quote(String.join(", ", header.getValue())));
            first = false;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return json.append("},\"body\":").append(quote(body)).append('}').toString();
    }

    private static void redirect(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String to = null;
        int status = 302;
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("to=")) {
                to = java.net.URLDecoder.decode(parameter.substring(3), StandardCharsets.UTF_8);
            } else if (parameter.startsWith("status=")) {
                status = Integer.parseInt(parameter.substring(7));
            }
        }
        exchange.getResponseHeaders().add("Location", to == null ? "/api/json" : to);
        exchange.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("X-Upstream", "test");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A URL of this upstream's redirect endpoint that sends the client to {@code target}. */
    String redirectTo(String target, int status) {
        return base() + "/api/redirect?to=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8)
                + "&status=" + status;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
