package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * SIGTERM (closing the context) with a slow stream in flight: readiness turns to REFUSING_TRAFFIC first, the
 * stream still runs to its end, and only then does the gateway finish stopping.
 */
class GracefulShutdownIT {

    @Test
    void readinessGoesDownFirstAndTheStreamInFlightCompletesBeforeExit() throws Exception {
        String prefix = GatewayIT.unique("drain");
        List<String> chunks = new ArrayList<>(List.of(UpstreamBodies.roleChunk("m")));
        for (int i = 0; i < 10; i++) {
            chunks.add(UpstreamBodies.textChunk("m", "w" + i + " ", null));
        }
        chunks.add(UpstreamBodies.textChunk("m", null, "stop"));
        // The upstream dribbles the stream out over 4 s: long enough to close the gateway in the middle of it.
        GatewayIT.UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(UpstreamBodies.sse(chunks, true))
                .withChunkedDribbleDelay(12, 4000)));

        List<String> timeline = new CopyOnWriteArrayList<>();
        ApplicationListener<AvailabilityChangeEvent<ReadinessState>> readiness = event -> {
            if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
                timeline.add("readiness-down");
            }
        };
        GatewayInstance gateway = GatewayInstance.start(List.of(readiness),
                "spring.lifecycle.timeout-per-shutdown-phase=30s");
        String key = gateway.fixtures.chatModel(prefix + "-m", prefix + "-p", GatewayIT.upstreamBase(prefix), "m");

        CountDownLatch firstChunk = new CountDownLatch(1);
        StringBuilder received = new StringBuilder();
        CompletableFuture<Void> stream = WebClient.create("http://localhost:" + gateway.port).post()
                .uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .retrieve().bodyToFlux(String.class)
                .doOnNext(chunk -> {
                    received.append(chunk).append('\n');
                    firstChunk.countDown();
                })
                .doOnComplete(() -> timeline.add("stream-complete"))
                .then().toFuture();
        assertThat(firstChunk.await(20, TimeUnit.SECONDS)).as("the stream started").isTrue();

        CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
            gateway.close();
            timeline.add("closed");
        });
        stream.get(30, TimeUnit.SECONDS);
        closed.get(40, TimeUnit.SECONDS);

        assertThat(timeline).containsExactly("readiness-down", "stream-complete", "closed");
        assertThat(received.toString()).contains("w0 ").contains("w9 ").contains("[DONE]");
        assertThat(gateway.isRunning()).isFalse();
    }
}
