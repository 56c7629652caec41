package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Upstreams that go silent, on a loopback server that holds its connections open until the test ends: a stream that
 * stalls after a few chunks is ended by the stream-idle timeout with an error event and never retried, and an
 * upstream that sends nothing at all is failed over by the first-token timeout without the client noticing.
 */
class StalledStreamIT extends SmallLimitsGatewayIT {

    private static final int CHUNKS_BEFORE_STALL = 3;

    private SilentUpstream upstream;

    @BeforeEach
    void silentUpstream() throws IOException {
        upstream = new SilentUpstream();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void aStreamThatStallsAfterSomeChunksEndsWithAnErrorEventAndIsNotRetried() {
        List<String> head = new ArrayList<>(List.of(UpstreamBodies.roleChunk("m")));
        for (int i = 1; i < CHUNKS_BEFORE_STALL; i++) {
            head.add(UpstreamBodies.textChunk("m", "t" + i, null));
        }
        Route route = route("stalled", upstream.stall("stall", head));
        long start = System.nanoTime();

        String body = stream(route);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(body).contains("t1", "t2").contains("\"error\"").doesNotContain("[DONE]").doesNotContain("fine");
        assertThat(upstream.calls("stall")).isEqualTo(1);
        UPSTREAM.verify(0, postRequestedFor(urlEqualTo("/" + route.prefix() + "-ok/v1/chat/completions")));
    }

    @Test
    void anUpstreamThatSendsNothingIsFailedOverByTheFirstTokenTimeout() {
        Route route = route("mute", upstream.mute("mute"));

        String body = stream(route);

        assertThat(body).contains("\"content\":\"fine\"").contains("[DONE]").doesNotContain("\"error\"");
        assertThat(upstream.calls("mute")).isEqualTo(1);
        UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/" + route.prefix() + "-ok/v1/chat/completions")));
    }

    /** A route from a model on the silent upstream at {@code silentBase} to a healthy WireMock fallback. */
    private Route route(String name, String silentBase) {
        String prefix = unique(name);
        fixtures.provider(prefix + "-sp", silentBase);
        fixtures.provider(prefix + "-hp", upstreamBase(prefix + "-ok"));
        fixtures.model(prefix + "-silent", prefix + "-sp", "m");
        fixtures.model(prefix + "-healthy", prefix + "-hp", "m");
        stubStreamedAnswer(prefix + "-ok", "fine");
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", prefix + "-route");
        route.put("policy", "fallback");
        route.put("config", Map.of("targets", List.of(prefix + "-silent")));
        route.put("fallbacks", List.of(prefix + "-healthy"));
        route.put("first_token_timeout_ms", 500);
        fixtures.post("/admin/v1/routes", route);
        return new Route(prefix, prefix + "-route", fixtures.key(prefix + "-k", prefix + "-route"));
    }

    private String stream(Route route) {
        return WebClient.create("http://localhost:" + port).post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + route.key())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + route.name() + "\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .retrieve()
                .bodyToFlux(String.class)
                .collectList()
                .block(Duration.ofSeconds(15))
                .toString();
    }

    private record Route(String prefix, String name, String key) {
    }
}
