package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Timeouts and failover over real HTTP, in the gateway's default context (retries on, which the reproductions need):
 * a silent deployment is left for the next candidate after one timeout, and a hanging upstream ends in a 504 within
 * the request timeout, with every retry and nested route inside it. Routes carry the small timeouts, so no other
 * context is needed.
 */
class FailoverTimeoutsIT extends GatewayIT {

    private SilentUpstream silent;

    @BeforeEach
    void silentUpstream() throws IOException {
        silent = new SilentUpstream();
    }

    @AfterEach
    void release() {
        silent.close();
    }

    /** The reproduction took 3.2 s: the silent target got its first-token timeout twice before the next answered. */
    @Test
    void aFirstTokenTimeoutMovesToTheNextTargetWithoutRetryingTheSilentOne() {
        String prefix = unique("ftt");
        fixtures.provider(prefix + "-sp", silent.mute(prefix));
        fixtures.provider(prefix + "-hp", upstreamBase(prefix + "-ok"));
        fixtures.model(prefix + "-silent", prefix + "-sp", "m");
        fixtures.model(prefix + "-healthy", prefix + "-hp", "m");
        stubStreamedAnswer(prefix + "-ok", "fine");
        // Wide enough that the healthy target's first chunk arrives in time on a loaded machine.
        String key = route(prefix, List.of(prefix + "-silent", prefix + "-healthy"),
                Map.of("first_token_timeout_ms", 3_000));

        EntityExchangeResult<String> result = chat(key, prefix + "-route", true).expectStatus().isOk()
                .expectBody(String.class).returnResult();

        assertThat(result.getResponseBody()).contains("\"content\":\"fine\"").contains("[DONE]");
        assertThat(result.getResponseHeaders().getFirst("x-switchboard-attempts")).isEqualTo("2");
        assertThat(silent.calls(prefix)).isEqualTo(1);
    }

    /** An attempt timeout longer than the request timeout: the request's decides, and the client gets a 504. */
    @Test
    void aHangingUpstreamEndsInA504WhenTheRequestTimeoutRunsOut() {
        String prefix = unique("hang");
        fixtures.provider(prefix + "-sp", silent.mute(prefix));
        fixtures.model(prefix + "-silent", prefix + "-sp", "m");
        String key = route(prefix, List.of(prefix + "-silent"),
                Map.of("request_timeout_ms", 2_000, "attempt_timeout_ms", 60_000));
        long start = System.nanoTime();

        JsonNode error = chat(key, prefix + "-route", false).expectStatus().isEqualTo(504)
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("error");

        // Well below the 20 s the upstream holds each call: the gateway, not the upstream, ended the request.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(error.path("type").asString()).isEqualTo("timeout_error");
        assertThat(error.path("message").asString()).contains("2000 ms");
        assertThat(silent.calls(prefix)).isEqualTo(1);
    }

    /** Each route used to get a request timeout of its own: the nested one started afresh when the outer gave up. */
    @Test
    void oneRequestTimeoutCoversANestedFallbackRoute() {
        String prefix = unique("nest");
        fixtures.provider(prefix + "-ap", silent.mute(prefix + "-a"));
        fixtures.provider(prefix + "-bp", silent.mute(prefix + "-b"));
        fixtures.model(prefix + "-a", prefix + "-ap", "m");
        fixtures.model(prefix + "-b", prefix + "-bp", "m");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("name", prefix + "-inner");
        inner.put("policy", "fallback");
        inner.put("config", Map.of("targets", List.of(prefix + "-b")));
        fixtures.post("/admin/v1/routes", inner);
        // a times out after 3 s; the nested route's b gets the 3 s left, and the request's deadline ends it.
        String key = route(prefix, List.of(prefix + "-a"), Map.of("fallbacks", List.of(prefix + "-inner"),
                "request_timeout_ms", 6_000, "attempt_timeout_ms", 3_000));

        JsonNode error = chat(key, prefix + "-route", false).expectStatus().isEqualTo(504)
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("error");

        assertThat(error.path("message").asString()).contains("6000 ms");
        assertThat(silent.calls(prefix + "-a")).as("left for the nested route after one timeout").isEqualTo(1);
        assertThat(silent.calls(prefix + "-b")).as("the nested route had what was left, then nothing").isEqualTo(1);
    }

    private String route(String prefix, List<String> targets, Map<String, Object> settings) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", prefix + "-route");
        route.put("policy", "fallback");
        route.put("config", Map.of("targets", targets));
        route.putAll(settings);
        fixtures.post("/admin/v1/routes", route);
        return fixtures.key(prefix + "-k", prefix + "-route");
    }

    private WebTestClient.ResponseSpec chat(String key, String model, boolean stream) {
        return http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }
}
