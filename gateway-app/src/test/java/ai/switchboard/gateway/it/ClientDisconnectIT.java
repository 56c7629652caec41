package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/** A client that goes away mid-stream cancels the upstream call, so the provider stops generating (and billing). */
class ClientDisconnectIT extends GatewayIT {

    private static final int MAX_CHUNKS = 300;

    private HttpServer upstream;
    private final CountDownLatch upstreamSawClose = new CountDownLatch(1);
    private final AtomicInteger chunksSent = new AtomicInteger();

    @BeforeEach
    void slowStreamingUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newFixedThreadPool(2));
        upstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                // Bounded: the test ends within MAX_CHUNKS * 50 ms even if cancellation were broken.
                for (int i = 0; i < MAX_CHUNKS; i++) {
                    body.write(("data: " + UpstreamBodies.textChunk("m", "t" + i, null) + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    body.flush();
                    chunksSent.incrementAndGet();
                    Thread.sleep(50);
                }
            } catch (IOException closedByGateway) {
                upstreamSawClose.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.start();
    }

    @AfterEach
    void stop() {
        upstream.stop(0);
    }

    @Test
    void disconnectingMidStreamCancelsTheUpstreamRequest() throws InterruptedException {
        String prefix = unique("disconnect");
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p",
                "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1", "m");

        String firstEvents = WebClient.create("http://localhost:" + port).post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .retrieve()
                .bodyToFlux(String.class)
                .take(3)
                .collectList()
                .block(Duration.ofSeconds(20))
                .toString();

        assertThat(firstEvents).contains("t0");
        assertThat(upstreamSawClose.await(10, TimeUnit.SECONDS)).as("upstream connection closed").isTrue();
        assertThat(chunksSent.get()).isLessThan(MAX_CHUNKS);
    }
}
