package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.registry.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Real requests, no hand-fed observations: a fallback route whose first model fails must show up as a ledger row
 * with exact tokens and cost, as client metrics per attempt, a fallback count, and the breaker of each deployment.
 */
class RequestPathObservabilityIT extends GatewayIT {

    @Test
    void aFailedOverRequestIsMeteredAndLedgeredFromTheRequestPath() throws SQLException {
        String prefix = unique("wired");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-broken", prefix + "-p", "broken-model", "chat");
        fixtures.model(prefix + "-ok", prefix + "-p", "ok-model", "chat");
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-route", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-broken", prefix + "-ok"))));
        String key = fixtures.key(prefix + "-k", prefix + "-route");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("broken-model"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"bad key\"}}")));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("ok-model", "fine"))));

        String requestId = http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-route\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-attempts", "2")
                .returnResult(String.class).getResponseHeaders().getFirst("x-request-id");

        // 12 prompt tokens at $0.15/M and 3 completion tokens at $0.60/M (Fixtures' prices).
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ledgerRow(requestId))
                .containsEntry("route", prefix + "-route")
                .containsEntry("model", prefix + "-ok")
                .containsEntry("provider", prefix + "-p")
                .containsEntry("input_tokens", 12L)
                .containsEntry("output_tokens", 3L)
                .containsEntry("cached_tokens", 4L)
                .containsEntry("status", 200)
                .containsEntry("attempts", 2)
                .containsEntry("cost_usd", new BigDecimal("0.000003600000")));

        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .containsPattern("gen_ai_client_operation_duration_seconds_count\\{[^}]*error_type=\"authentication\""
                        + "[^}]*gen_ai_request_model=\"" + prefix + "-broken\"")
                .containsPattern("gen_ai_client_token_usage_count\\{[^}]*gen_ai_request_model=\"" + prefix + "-ok\"")
                .containsPattern("switchboard_fallbacks_total\\{[^}]*route=\"" + prefix + "-route\"")
                .contains("resilience4j_circuitbreaker_state{")
                .contains(prefix + "-p/" + prefix + "-ok");
    }

    @Test
    void cascadeEscalationsAndEnsembleMembersAreCountedFromRealRoutes() {
        String prefix = unique("policy-metrics");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-cheap", prefix + "-p", "cheap-model", "chat");
        fixtures.model(prefix + "-strong", prefix + "-p", "strong-model", "chat");
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-cascade", "policy", "cascade",
                "config", Map.of("steps", List.of(prefix + "-cheap", prefix + "-strong"))));
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-ensemble", "policy", "ensemble",
                "config", Map.of("members", List.of(prefix + "-cheap", prefix + "-strong"), "combiner", "majority")));
        String key = fixtures.key(prefix + "-k", prefix + "-cascade", prefix + "-ensemble");
        // The cheap model runs out of tokens, so the cascade must escalate to the strong one.
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("cheap-model"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("cheap-model", "trunc")
                                .replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\""))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("strong-model", "complete"))));

        for (String route : List.of(prefix + "-cascade", prefix + "-ensemble")) {
            http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"model\":\"" + route + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                    .exchange()
                    .expectStatus().isOk();
        }

        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .containsPattern("switchboard_cascade_escalations_total\\{[^}]*step=\"1\",switchboard_route=\""
                        + prefix + "-cascade\"} 1\\.0")
                .containsPattern("switchboard_ensemble_members_total\\{[^}]*gen_ai_request_model=\"" + prefix
                        + "-cheap\",switchboard_route=\"" + prefix + "-ensemble\"} 1\\.0")
                .containsPattern("switchboard_ensemble_members_total\\{[^}]*gen_ai_request_model=\"" + prefix
                        + "-strong\",switchboard_route=\"" + prefix + "-ensemble\"} 1\\.0");
    }

    private static Map<String, Object> ledgerRow(String requestId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(),
                TestDatabase.password());
                PreparedStatement query = connection.prepareStatement("SELECT route, model, provider, input_tokens,"
                        + " output_tokens, cached_tokens, status, attempts, cost_usd FROM usage_ledger"
                        + " WHERE request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Map.of();
                }
                return Map.of("route", row.getString(1), "model", row.getString(2), "provider", row.getString(3),
                        "input_tokens", row.getLong(4), "output_tokens", row.getLong(5), "cached_tokens",
                        row.getLong(6), "status", (int) row.getShort(7), "attempts", (int) row.getShort(8),
                        "cost_usd", row.getBigDecimal(9));
            }
        }
    }
}
