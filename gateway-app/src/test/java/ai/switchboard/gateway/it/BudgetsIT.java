package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Budgets through the whole gateway: the worst case is reserved before the call, the real cost settled after, and
 * a request that does not fit is refused with OpenAI's {@code insufficient_quota}, naming the budget and its reset.
 *
 * <p>The model costs $100 per million input tokens and $1,000 per million output tokens; the stub answers with 12
 * prompt and 3 completion tokens, so each answer costs exactly $0.0042. A request of one short message with
 * {@code max_tokens: 4} reserves $0.0048 (8 prompt tokens by the tokenizer, 4 output tokens).
 */
class BudgetsIT extends GatewayIT {

    static final BigDecimal ANSWER_COST = new BigDecimal("0.0042");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aKeyBudgetRefusesWhatDoesNotFitWithInsufficientQuotaNamingTheBudgetAndItsReset() {
        String prefix = unique("budget-key");
        String key = pricedModel(prefix);
        JsonNode created = fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "key",
                "scope", prefix + "-m-key", "period", "daily", "limit_usd", 0.01, "soft_threshold_percent", 50));
        assertThat(created.path("limit_usd").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(created.path("spent_usd").decimalValue()).isEqualByComparingTo("0");

        // $0.01 holds two answers of $0.0042: after them $0.0016 is left, less than the $0.0048 a third reserves.
        chat(key, prefix + "-m").expectStatus().isOk();
        chat(key, prefix + "-m").expectStatus().isOk();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toString();
        chat(key, prefix + "-m").expectStatus().isEqualTo(429).expectBody()
                .jsonPath("$.error.type").isEqualTo("insufficient_quota")
                .jsonPath("$.error.code").isEqualTo("insufficient_quota")
                .jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .contains("Budget '" + prefix + "-b'").contains("$0.01 daily")
                        .contains("resets at " + tomorrow));
        assertThat(upstreamCalls(prefix)).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode status = get("/admin/v1/budgets/" + prefix + "-b");
            assertThat(status.path("spent_usd").decimalValue()).isEqualByComparingTo(ANSWER_COST.multiply(
                    BigDecimal.TWO));
            assertThat(status.path("spent_usd").decimalValue().add(status.path("reserved_usd").decimalValue())
                    .add(status.path("remaining_usd").decimalValue())).isEqualByComparingTo("0.01");
            assertThat(status.path("resets_at").asString()).isEqualTo(tomorrow);
        });
        JsonNode listed = get("/admin/v1/budgets");
        assertThat(listed.path("data").valueStream().filter(b -> b.path("name").asString().equals(prefix + "-b"))
                .findFirst().orElseThrow().path("scope").asString()).isEqualTo(prefix + "-m-key");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE entity_type = 'budget' "
                + "AND action = 'create' AND entity_name = ?", Long.class, prefix + "-b")).isEqualTo(1);
        // $0.0084 of $0.01 is past the 50% soft threshold: marked once for the period, counted, and refused once.
        // Marked by the replica's next settlement write (every 500 ms), which may come after the status shows it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM budget_periods p JOIN budgets b ON b.id = p.budget_id "
                        + "WHERE b.name = ? AND p.threshold_crossed_at IS NOT NULL", Long.class, prefix + "-b"))
                .isEqualTo(1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(http.get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .containsPattern("switchboard_budget_threshold_crossed_total\\{[^}]*scope_type=\"key\"[^}]*} [1-9]")
                .containsPattern("switchboard_budget_exhausted_total\\{[^}]*scope_type=\"key\"[^}]*} [1-9]")
                .containsPattern("switchboard_budget_limit_usd\\{[^}]*budget=\"" + prefix + "-b\"[^}]*} 0.01"));

        // Disabled, it no longer refuses; raised, it admits again.
        fixtures.patch("/admin/v1/budgets/" + prefix + "-b", Map.of("enabled", false)).expectStatus().isOk();
        chat(key, prefix + "-m").expectStatus().isOk();
        fixtures.patch("/admin/v1/budgets/" + prefix + "-b", Map.of("enabled", true, "limit_usd", 1))
                .expectStatus().isOk();
        chat(key, prefix + "-m").expectStatus().isOk();
        fixtures.delete("/admin/v1/budgets/" + prefix + "-b").expectStatus().isNoContent();
        http.get().uri("/admin/v1/budgets/" + prefix + "-b").header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aRouteBudgetCountsStreamsAndEveryCallOfTheRoute() {
        String prefix = unique("budget-route");
        String key = pricedModel(prefix);
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(List.of(
                        UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "hi", "stop"),
                        UpstreamBodies.usageChunk("m")), true))));
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-r", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-m"))));
        fixtures.patch("/admin/v1/keys/" + prefix + "-m-key", Map.of("allowed_models", List.of("*")))
                .expectStatus().isOk();
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "route",
                "scope", prefix + "-r", "period", "monthly", "limit_usd", 5));

        String body = http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-r\",\"stream\":true,\"max_tokens\":4,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("hi").contains("[DONE]");

        // The usage chunk says 9 prompt and 2 completion tokens: 9 × $100/M + 2 × $1,000/M = $0.0029.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/admin/v1/budgets/" + prefix + "-b").path("spent_usd").decimalValue())
                .isEqualByComparingTo("0.0029"));
        String exported = http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.parseMediaType("application/yaml")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(exported).contains("name: " + prefix + "-b").contains("scope: " + prefix + "-r");
        http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(exported).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);
    }

    @Test
    void aBudgetFromTheDeclarativeFileIsEnforcedAndUpdatedInPlace() {
        String prefix = unique("budget-file");
        String key = pricedModel(prefix);
        String file = """
                budgets:
                  - {name: %1$s-b, scope_type: model, scope: %1$s-m, period: total, limit_usd: %2$s}
                """;
        apply(file.formatted(prefix, "0.004")).jsonPath("$.sections.budgets.created").isEqualTo(1);
        chat(key, prefix + "-m").expectStatus().isEqualTo(429).expectBody()
                .jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .contains("total budget and does not reset"));
        apply(file.formatted(prefix, "0.004")).jsonPath("$.sections.budgets.unchanged").isEqualTo(1);
        apply(file.formatted(prefix, "1")).jsonPath("$.sections.budgets.updated").isEqualTo(1);
        chat(key, prefix + "-m").expectStatus().isOk();
    }

    @Test
    void aFailedCallGivesItsReservationBackAndAnEnsembleCountsEveryMember() {
        String prefix = unique("budget-release");
        String key = pricedModel(prefix);
        // Room for exactly one reservation of $0.0048.
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "key",
                "scope", prefix + "-m-key", "period", "weekly", "limit_usd", 0.005));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}")));
        chat(key, prefix + "-m").expectStatus().isBadRequest();
        chat(key, prefix + "-m").expectStatus().isBadRequest(); // not refused: the first reservation came back
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "ok"))));
        chat(key, prefix + "-m").expectStatus().isOk();
        chat(key, prefix + "-m").expectStatus().isEqualTo(429);

        // An ensemble of two members calls both: the request costs both answers, and a team budget sees it.
        String second = prefix + "-m2";
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", second);
        model.put("provider", prefix + "-p");
        model.put("upstream_model", "m");
        model.put("capabilities", List.of("chat", "streaming"));
        model.put("input_price_per_mtok", 100);
        model.put("output_price_per_mtok", 1000);
        fixtures.post("/admin/v1/models", model);
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-e", "policy", "ensemble",
                "config", Map.of("members", List.of(prefix + "-m", second), "combiner", "majority")));
        String teamKey = fixtures.key(prefix + "-team-key", prefix + "-e");
        jdbc.update("INSERT INTO teams (id, name, created_at, updated_at) VALUES (gen_random_uuid(), ?, now(), now())",
                prefix + "-t");
        jdbc.update("UPDATE api_keys SET team_id = (SELECT id FROM teams WHERE name = ?) WHERE name = ?",
                prefix + "-t", prefix + "-team-key");
        // The budget's own write rebuilds the snapshot, which then holds the key's team too.
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-team", "scope_type", "team",
                "scope", prefix + "-t", "period", "daily", "limit_usd", 1));
        http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + teamKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-e\",\"max_tokens\":4,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/admin/v1/budgets/" + prefix + "-team").path("spent_usd").decimalValue())
                .isEqualByComparingTo(ANSWER_COST.multiply(BigDecimal.TWO)));
    }

    @Test
    void aRouteReservesTwoCallsOfEveryModelItCanReach() {
        String prefix = unique("budget-worst");
        String key = pricedModel(prefix);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", prefix + "-m2");
        model.put("provider", prefix + "-p");
        model.put("upstream_model", "m");
        model.put("capabilities", List.of("chat", "streaming"));
        model.put("input_price_per_mtok", 100);
        model.put("output_price_per_mtok", 1000);
        fixtures.post("/admin/v1/models", model);
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-r", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-m", prefix + "-m2"))));
        fixtures.patch("/admin/v1/keys/" + prefix + "-m-key", Map.of("allowed_models", List.of("*")))
                .expectStatus().isOk();
        // Each model: (8 prompt + 4 + 4 outputs) × $100/M + 4 × $1,000/M = $0.0056; two models, twice: $0.0224.
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "route",
                "scope", prefix + "-r", "period", "daily", "limit_usd", 0.0223));
        chat(key, prefix + "-r").expectStatus().isEqualTo(429);
        fixtures.patch("/admin/v1/budgets/" + prefix + "-b", Map.of("limit_usd", 0.0224)).expectStatus().isOk();
        chat(key, prefix + "-r").expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/admin/v1/budgets/" + prefix + "-b").path("spent_usd").decimalValue())
                .isEqualByComparingTo(ANSWER_COST));
    }

    @Test
    void embeddingsCountAgainstAModelBudget() {
        String prefix = unique("budget-embed");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.embeddings("e"))));
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.post("/admin/v1/models", Map.of("name", prefix + "-m", "provider", prefix + "-p",
                "upstream_model", "e", "capabilities", List.of("embeddings"), "input_price_per_mtok", 100));
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        // The stub reports 6 prompt tokens ($0.0006); the input counts 9 by the tokenizer, so each call reserves
        // $0.0009: a $0.001 budget takes one call, and then has not enough left for another.
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "model",
                "scope", prefix + "-m", "period", "daily", "limit_usd", 0.001));
        String body = "{\"model\":\"" + prefix + "-m\",\"input\":\"the quick brown fox jumps over the lazy dog\"}";
        http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
        http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.error.code").isEqualTo("insufficient_quota");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/admin/v1/budgets/" + prefix + "-b").path("spent_usd").decimalValue())
                .isEqualByComparingTo("0.0006"));
    }

    /** A provider, a model at $100/$1,000 per million tokens answering with fixed usage, and a key for it. */
    private String pricedModel(String prefix) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.chatCompletion("m", "ok"))));
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", prefix + "-m");
        model.put("provider", prefix + "-p");
        model.put("upstream_model", "m");
        model.put("capabilities", List.of("chat", "streaming"));
        model.put("input_price_per_mtok", 100);
        model.put("output_price_per_mtok", 1000);
        fixtures.post("/admin/v1/models", model);
        return fixtures.key(prefix + "-m-key", prefix + "-m");
    }

    private WebTestClient.ResponseSpec chat(String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"max_tokens\":4,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }

    private WebTestClient.BodyContentSpec apply(String file) {
        return http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(file).exchange()
                .expectStatus().isOk().expectBody();
    }

    private JsonNode get(String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static int upstreamCalls(String prefix) {
        return UPSTREAM.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/" + prefix + "/v1/chat/completions"))).size();
    }
}
