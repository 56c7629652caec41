package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A {@code /v1/messages} client that goes away mid-stream cancels the upstream call, whether the upstream is an
 * Anthropic one passed through or an OpenAI one translated; and the stream reaches the client event by event as the
 * upstream sends it, never batched.
 */
class MessagesClientDisconnectIT extends GatewayIT {

    private static final int MAX_EVENTS = 300;

    private HttpServer upstream;
    private final CountDownLatch upstreamSawClose = new CountDownLatch(1);
    private final AtomicInteger eventsSent = new AtomicInteger();

    @BeforeEach
    void slowStreamingUpstreams() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newFixedThreadPool(2));
        upstream.createContext("/openai/v1/chat/completions", exchange -> slowly(exchange, i -> i == 0
                ? "data: " + UpstreamBodies.roleChunk("m") + "\n\n"
                : "data: " + UpstreamBodies.textChunk("m", "t" + i, null) + "\n\n"));
        upstream.createContext("/anthropic/v1/messages", exchange -> slowly(exchange, i -> i == 0
                ? "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],"
                        + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,"
                        + "\"output_tokens\":1}}}\n\nevent: content_block_start\ndata: {\"type\":"
                        + "\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                : "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                        + "{\"type\":\"text_delta\",\"text\":\"t" + i + "\"}}\n\n"));
        upstream.start();
    }

    private void slowly(com.sun.net.httpserver.HttpExchange exchange, IntFunction<String> event) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            // Bounded: the test ends within MAX_EVENTS * 50 ms even if cancellation were broken.
            for (int i = 0; i < MAX_EVENTS; i++) {
                body.write(event.apply(i).getBytes(StandardCharsets.UTF_8));
                body.flush();
                eventsSent.incrementAndGet();
                Thread.sleep(50);
            }
        } catch (IOException closedByGateway) {
            upstreamSawClose.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        upstream.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void disconnectingMidStreamCancelsTheUpstreamRequest(String type) throws InterruptedException {
        String prefix = unique("msg-disconnect-" + type);
        fixtures.provider(Map.of("name", prefix + "-p", "type", type, "base_url", "http://127.0.0.1:"
                + upstream.getAddress().getPort() + "/" + type + (type.equals("openai") ? "/v1" : ""),
                "api_key", "sk-test-upstream-key-not-real"));
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat", "streaming");
        String key = fixtures.key(prefix + "-k", prefix + "-m");

        long started = System.nanoTime();
        String firstEvents = WebClient.create("http://localhost:" + port).post().uri("/v1/messages?beta=true")
                .header("x-api-key", key)
                .header("anthropic-version", "2023-06-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"max_tokens\":100,\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .retrieve()
                .bodyToFlux(String.class)
                .take(5)
                .collectList()
                .block(Duration.ofSeconds(20))
                .toString();

        // Five events arrive while the upstream is still sending (it takes 15 s to send all): not batched.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(firstEvents).contains("message_start").contains("t1");
        assertThat(upstreamSawClose.await(10, TimeUnit.SECONDS)).as("upstream connection closed").isTrue();
        assertThat(eventsSent.get()).isLessThan(MAX_EVENTS);
    }
}
