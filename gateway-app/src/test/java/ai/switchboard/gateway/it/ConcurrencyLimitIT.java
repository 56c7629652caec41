package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.routing.execution.DeploymentGuards;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/**
 * A provider's {@code max_concurrent_calls} over real HTTP: streams held open fill a deployment, the next call is
 * answered 429 with {@code Retry-After} and a message naming the limit (or served by another target of a route), and
 * clients that go away give their permits back.
 */
class ConcurrencyLimitIT extends GatewayIT {

    private static final int LIMIT = 2;

    @Autowired
    private DeploymentGuards guards;

    private SilentUpstream silent;
    private final List<Disposable> streams = new ArrayList<>();

    @BeforeEach
    void silentUpstream() throws IOException {
        silent = new SilentUpstream();
    }

    @AfterEach
    void release() {
        streams.forEach(Disposable::dispose);
        silent.close();
    }

    @Test
    void aFullDeploymentIsNamedInA429WithRetryAfterAndARouteFallsBackFromIt() throws InterruptedException {
        String prefix = unique("limit");
        String key = setup(prefix);
        holdStreams(prefix + "-limited", key, LIMIT);

        JsonNode error = chat(key, prefix + "-limited").expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("error");
        assertThat(error.path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asString()).isEqualTo("deployment_concurrency_limit");
        assertThat(error.path("message").asString()).contains(prefix + "-limited", LIMIT + " calls in flight");

        chat(key, prefix + "-route").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-healthy")
                .expectHeader().valueEquals("x-switchboard-attempts", "2");
        assertThat(silent.calls(prefix)).as("refused calls never reach the upstream").isEqualTo(LIMIT);
        assertThat(scrape()).contains("resilience4j_bulkhead_max_allowed_concurrent_calls{application=\"switchboard\","
                + "name=\"" + prefix + "-lp/" + prefix + "-limited\"} " + LIMIT + ".0");
    }

    @Test
    void streamsWhoseClientsWentAwayGiveTheirPermitsBack() throws InterruptedException {
        String prefix = unique("freed");
        String key = setup(prefix);
        holdStreams(prefix + "-limited", key, LIMIT);
        Bulkhead bulkhead = guards.concurrencyLimits().registry().find(prefix + "-lp/" + prefix + "-limited")
                .orElseThrow();
        assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isZero();

        streams.forEach(Disposable::dispose);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(LIMIT));
        holdStreams(prefix + "-limited", key, LIMIT);
        assertThat(silent.calls(prefix)).isEqualTo(2 * LIMIT);
    }

    /** A deployment limited to {@value #LIMIT} calls on a silent upstream, a healthy one, a route over both. */
    private String setup(String prefix) {
        Map<String, Object> limited = new LinkedHashMap<>();
        limited.put("name", prefix + "-lp");
        limited.put("type", "openai");
        limited.put("base_url", silent.stall(prefix,
                List.of(UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "Hel", null))));
        limited.put("api_key", "test-upstream-key");
        limited.put("settings", Map.of("max_concurrent_calls", Integer.toString(LIMIT)));
        fixtures.provider(limited);
        fixtures.provider(prefix + "-hp", upstreamBase(prefix + "-ok"));
        fixtures.model(prefix + "-limited", prefix + "-lp", "m");
        fixtures.model(prefix + "-healthy", prefix + "-hp", "m");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-ok/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "fine"))));
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", prefix + "-route");
        route.put("policy", "fallback");
        route.put("config", Map.of("targets", List.of(prefix + "-limited", prefix + "-healthy")));
        fixtures.post("/admin/v1/routes", route);
        return fixtures.key(prefix + "-k", prefix + "-limited", prefix + "-route");
    }

    /**
     * Opens {@code count} streams, one after the other, each returning once its first chunk arrived so that it holds
     * a permit. One at a time: this also keeps the first requests of a fresh context from racing to build the same
     * JSON reader.
     */
    private void holdStreams(String model, String key, int count) throws InterruptedException {
        WebClient client = WebClient.create("http://localhost:" + port);
        for (int i = 0; i < count; i++) {
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            streams.add(client.post().uri("/v1/chat/completions")
                    .header("Authorization", "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"model\":\"" + model + "\",\"stream\":true,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                    .retrieve()
                    .bodyToFlux(String.class)
                    .subscribe(chunk -> started.countDown(), error -> {
                        failed.set(error);
                        started.countDown();
                    }));
            assertThat(started.await(20, TimeUnit.SECONDS)).as("stream %d started", i).isTrue();
            assertThat(failed.get()).as("stream %d", i).isNull();
        }
    }

    private WebTestClient.ResponseSpec chat(String key, String model) {
        return http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
