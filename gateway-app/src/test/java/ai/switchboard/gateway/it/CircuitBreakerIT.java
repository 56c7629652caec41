package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.routing.execution.DeploymentGuards;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A deployment's circuit opens through real upstream failures and closes through a real half-open probe. The small
 * breaker settings of {@link SmallLimitsGatewayIT} (and no retries, so one request is one failed call) keep it to a
 * handful of requests.
 */
class CircuitBreakerIT extends SmallLimitsGatewayIT {

    private static final int WINDOW = 4;

    @Autowired
    private DeploymentGuards guards;

    @Test
    void failuresOpenTheCircuitWhichSkipsTheDeploymentUntilAProbeSucceeds() throws InterruptedException {
        String prefix = unique("circuit");
        fixtures.provider(prefix + "-bp", upstreamBase(prefix + "-bad"));
        fixtures.provider(prefix + "-hp", upstreamBase(prefix + "-ok"));
        fixtures.model(prefix + "-primary", prefix + "-bp", "m");
        fixtures.model(prefix + "-healthy", prefix + "-hp", "m");
        String badPath = "/" + prefix + "-bad/v1/chat/completions";
        UPSTREAM.stubFor(post(urlEqualTo(badPath)).willReturn(aResponse().withStatus(500).withBody("down")));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-ok/v1/chat/completions")).willReturn(ok("fine")));
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", prefix + "-route");
        route.put("policy", "fallback");
        route.put("config", Map.of("targets", List.of(prefix + "-primary")));
        route.put("fallbacks", List.of(prefix + "-healthy"));
        fixtures.post("/admin/v1/routes", route);
        String key = fixtures.key(prefix + "-k", prefix + "-route");
        CircuitBreaker breaker = guards.circuitBreakers().circuitBreaker(prefix + "-bp/" + prefix + "-primary");

        for (int i = 0; i < WINDOW; i++) {
            chat(key, prefix + "-route").expectStatus().isOk()
                    .expectHeader().valueEquals("x-switchboard-model", prefix + "-healthy");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // At least one call per request; the HTTP client may resend a request whose pooled connection the upstream
        // had just closed, so the exact count is not the gateway's to promise.
        int callsWhenOpened = calls(badPath);
        assertThat(callsWhenOpened).isGreaterThanOrEqualTo(WINDOW);

        // While open, the broken deployment is skipped without a call; the fallback answers.
        for (int i = 0; i < 3; i++) {
            chat(key, prefix + "-route").expectStatus().isOk()
                    .expectHeader().valueEquals("x-switchboard-model", prefix + "-healthy")
                    .expectHeader().valueEquals("x-switchboard-attempts", "2");
        }
        assertThat(calls(badPath)).isEqualTo(callsWhenOpened);

        // Recovery: the upstream heals; after wait-in-open-state a half-open probe reaches it and closes the circuit.
        UPSTREAM.stubFor(post(urlEqualTo(badPath)).willReturn(ok("recovered")));
        String servedBy = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(prefix + "-primary").equals(servedBy) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            servedBy = chat(key, prefix + "-route").expectStatus().isOk().returnResult(String.class)
                    .getResponseHeaders().getFirst("x-switchboard-model");
        }

        assertThat(servedBy).as("served by the recovered deployment after the half-open probe")
                .isEqualTo(prefix + "-primary");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls(badPath)).isGreaterThan(callsWhenOpened);
        chat(key, prefix + "-route").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-primary");
    }

    private static int calls(String path) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo(path))).size();
    }

    private WebTestClient.ResponseSpec chat(String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String text) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", text));
    }
}
