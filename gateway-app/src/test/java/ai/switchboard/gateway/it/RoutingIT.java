package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.routing.execution.DeploymentGuards;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Routes over real HTTP: failover around upstream faults, circuits, streams, errors and the admin API. */
class RoutingIT extends GatewayIT {

    @Autowired
    private DeploymentGuards guards;

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("500", aResponse().withStatus(500).withBody("oops")),
                // The reproduction: the body's type used to make this a client error, answered 400 without failover.
                Arguments.of("500 saying invalid_request_error", aResponse().withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Invalid request\",\"type\":\"invalid_request_error\"}}")),
                Arguments.of("429", aResponse().withStatus(429).withHeader("Retry-After", "30")
                        .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}")),
                Arguments.of("timeout", aResponse().withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("m", "late"))),
                Arguments.of("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("malformed", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFailingPrimaryIsInvisibleWhileAHealthyFallbackExists(String name, ResponseDefinitionBuilder fault) {
        Setup setup = setup(fault);

        JsonNode body = chat(setup.key(), setup.route(), false).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-route", setup.route())
                .expectHeader().valueEquals("x-switchboard-model", setup.prefix() + "-healthy")
                .expectHeader().valueEquals("x-switchboard-provider", setup.prefix() + "-hp")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.path("choices").path(0).path("message").path("content").asString()).isEqualTo("fine");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void streamsFailOverBeforeTheirFirstChunk(String name, ResponseDefinitionBuilder fault) {
        Setup setup = setup(fault);

        String body = chat(setup.key(), setup.route(), true).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", setup.prefix() + "-healthy")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"content\":\"fine\"").contains("[DONE]").doesNotContain("\"error\"");
    }

    @Test
    void aStreamBrokenAfterItsFirstChunkEndsWithAnErrorAndIsNotRetried() {
        String broken = UpstreamBodies.sse(List.of(UpstreamBodies.roleChunk("m"),
                UpstreamBodies.textChunk("m", "Hal", null)), false);
        Setup setup = setup(aResponse().withHeader("Content-Type", "text/event-stream").withBody(broken));

        String body = chat(setup.key(), setup.route(), true).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"content\":\"Hal\"").contains("data: {\"error\":").doesNotContain("[DONE]")
                .doesNotContain("fine");
        UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/" + setup.prefix() + "-bad/v1/chat/completions")));
        UPSTREAM.verify(0, postRequestedFor(urlEqualTo("/" + setup.prefix() + "-ok/v1/chat/completions")));
    }

    @Test
    void anOpenCircuitSkipsItsDeploymentUntilItClosesAgain() {
        Setup setup = setup(aResponse().withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", "primary")));
        CircuitBreaker breaker = guards.circuitBreakers()
                .circuitBreaker(setup.prefix() + "-bp/" + setup.prefix() + "-primary");

        breaker.transitionToOpenState();
        chat(setup.key(), setup.route(), false).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", setup.prefix() + "-healthy")
                .expectHeader().valueEquals("x-switchboard-attempts", "2");
        UPSTREAM.verify(0, postRequestedFor(urlEqualTo("/" + setup.prefix() + "-bad/v1/chat/completions")));

        breaker.transitionToHalfOpenState();
        chat(setup.key(), setup.route(), false).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", setup.prefix() + "-primary");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void whenEveryCandidateFailsTheErrorListsEachAttemptWithoutSecrets() {
        Setup setup = setup(aResponse().withStatus(503).withBody("busy test-upstream-key"));
        UPSTREAM.stubFor(post(urlEqualTo("/" + setup.prefix() + "-ok/v1/chat/completions"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"bad key test-ups\"}}")));

        String body = chat(setup.key(), setup.route(), false).expectStatus().isEqualTo(401)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain("test-upstream-key").doesNotContain("test-ups")
                .contains("\"attempts\":[").contains("\"outcome\":\"upstream_unavailable\"")
                .contains("\"outcome\":\"authentication\"").contains(setup.prefix() + "-healthy");
    }

    @Test
    void adminKeysGetTheDecisionTraceOnRequest() {
        Setup setup = setup(aResponse().withStatus(500));

        String trace = chat(ADMIN_KEY, setup.route(), false, "x-switchboard-debug", "true").expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("x-switchboard-debug-trace");
        assertThat(trace).contains("\"route\":\"" + setup.route() + "\"").contains("upstream_server_error");

        chat(setup.key(), setup.route(), false, "x-switchboard-debug", "true").expectStatus().isOk()
                .expectHeader().doesNotExist("x-switchboard-debug-trace");
    }

    @Test
    void routesAreValidatedListedAndRoutedByRules() {
        Setup setup = setup(aResponse().withStatus(500));
        Map<String, Object> cyclic = route(setup.prefix() + "-loop", "fallback",
                Map.of("targets", List.of(setup.route())));
        fixtures.post("/admin/v1/routes", cyclic);
        fixtures.patch("/admin/v1/routes/" + setup.route(), Map.of("fallbacks", List.of(setup.prefix() + "-loop")))
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(text -> assertThat(text).contains("cycle"));
        http.post().uri("/admin/v1/routes").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(route(setup.prefix() + "-bad", "router", Map.of("rules", List.of(Map.of("target", "nope")))))
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(text -> assertThat(text).contains("config.default")
                        .contains("no model or route named 'nope'"));

        fixtures.post("/admin/v1/routes", route(setup.prefix() + "-rules", "router", Map.of(
                "rules", List.of(Map.of("name", "code", "when", Map.of("keywords", List.of("stack trace")),
                        "target", setup.prefix() + "-healthy")),
                "default", setup.prefix() + "-primary")));
        String key = fixtures.key(setup.prefix() + "-rk", setup.prefix() + "-rules");
        http.get().uri("/v1/models").header("Authorization", "Bearer " + key).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[0].id").isEqualTo(setup.prefix() + "-rules");
        chat(key, setup.prefix() + "-rules", false, "x-switchboard-tags", "a").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", setup.prefix() + "-healthy");
    }

    private Setup setup(ResponseDefinitionBuilder primaryAnswer) {
        String prefix = unique("route");
        fixtures.provider(Map.of("name", prefix + "-bp", "type", "openai", "base_url", upstreamBase(prefix + "-bad"),
                "api_key", "test-upstream-key", "response_timeout_ms", 800));
        fixtures.provider(prefix + "-hp", upstreamBase(prefix + "-ok"));
        fixtures.model(prefix + "-primary", prefix + "-bp", "m");
        fixtures.model(prefix + "-healthy", prefix + "-hp", "m");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-bad/v1/chat/completions")).willReturn(primaryAnswer));
        String ok = UpstreamBodies.chatCompletion("m", "fine");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-ok/v1/chat/completions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"stream\":true"))
                .atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(
                        List.of(UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "fine", "stop")), true))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-ok/v1/chat/completions")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ok)));
        Map<String, Object> route = route(prefix + "-route", "fallback", Map.of("targets", List.of(prefix + "-primary")));
        route.put("fallbacks", List.of(prefix + "-healthy"));
        // Generous next to the faulty provider's 800 ms response timeout: a cold first connection on a loaded
        // machine must not count.
        route.put("attempt_timeout_ms", 5_000);
        route.put("first_token_timeout_ms", 5_000);
        fixtures.post("/admin/v1/routes", route);
        return new Setup(prefix, prefix + "-route", fixtures.key(prefix + "-k", prefix + "-route"));
    }

    private static Map<String, Object> route(String name, String policy, Map<String, Object> config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("policy", policy);
        body.put("config", config);
        return body;
    }

    private WebTestClient.ResponseSpec chat(String key, String model, boolean stream, String... header) {
        WebTestClient.RequestBodySpec spec = http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON);
        if (header.length == 2) {
            spec = spec.header(header[0], header[1]);
        }
        return spec.bodyValue("{\"model\":\"" + model + "\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"a stack trace here\"}]}")
                .exchange();
    }

    private record Setup(String prefix, String route, String key) {
    }
}
