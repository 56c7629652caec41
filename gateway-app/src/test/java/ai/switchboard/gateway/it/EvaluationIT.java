package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.switchboard.gateway.eval.run.EvaluationSweeper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/v1/evaluations} over real HTTP against WireMock models: every grader over a small dataset (the judge
 * a scripted model too), the report's per-target numbers and pairwise comparison, the ledger rows of the calls, the
 * cost cap stopping a run, a run left behind by a dead gateway resumed from where it stopped, and the promotion gate
 * ({@code POST /admin/v1/routes/{id}:evaluate}) comparing a route with a change not applied.
 */
class EvaluationIT extends GatewayIT {

    /** Each call of the stubbed models: 12 prompt tokens at 0.15 and 3 completion tokens at 0.6 per million. */
    private static final double CALL_COST = 0.0000036;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvaluationSweeper sweeper;

    @Test
    void everyGraderGradesTheRightAnswersAndTheReportComparesTheTargets() {
        String p = unique("eval");
        World world = world(p);
        String dataset = dataset(p, """
                {"label":"exact","messages":[{"role":"user","content":"q-exact"}],"expected":"Paris"}
                {"messages":[{"role":"user","content":"q-regex"}],"grader":{"type":"regex","pattern":"#\\\\d{5}\\\\b"}}
                {"messages":[{"role":"user","content":"q-schema"}],"grader":{"type":"json_schema","schema":{"type":"object","required":["city"]}}}
                {"messages":[{"role":"user","content":"q-number"}],"expected":42,"grader":{"type":"numeric_match"}}
                {"messages":[{"role":"user","content":"q-contains"}],"expected":"Paris","grader":{"type":"contains"}}
                {"messages":[{"role":"user","content":"q-not"}],"grader":{"type":"not_contains","value":"I don't know"}}
                {"messages":[{"role":"user","content":"q-judge"}],"expected":"Paris","grader":{"type":"llm_judge","model":"%s","rubric":"Right capital?","pass_score":7}}
                {"messages":[{"role":"user","content":"q-wrong"}],"grader":{"type":"not_contains","value":"Paris"}}
                """.formatted(p + "-judge"));
        String[][] answers = {
            {"q-exact", "Paris"}, {"q-regex", "Order #12345 shipped"}, {"q-schema", "{\"city\":\"Paris\"}"},
            {"q-number", "6 times 7 is 42"}, {"q-contains", "The capital is Paris."}, {"q-not", "Sure, here it is"},
            {"q-judge", "Paris is the capital"}, {"q-wrong", "Paris"},
        };
        for (String[] answer : answers) {
            stub(p, "a", answer[0], answer[1]);
        }
        stub(p, "b", "q-", "I don't know");
        stub(p, "judge", "Paris is the capital", "{\"score\": 9}");
        stub(p, "judge", "I don't know", "Score: 2, no capital named");
        giveProductionFeedback(world, p + "-a", 4);

        JsonNode started = start(Map.of("dataset", dataset, "targets", List.of(p + "-a", p + "-b"),
                "key_id", world.keyId(), "concurrency", 3)).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(started.path("progress").path("total").asInt()).isEqualTo(16);
        JsonNode report = awaitEnd(started.path("id").asString());

        assertThat(report.path("status").asString()).isEqualTo("completed");
        assertThat(report.path("progress").path("done").asInt()).isEqualTo(16);
        JsonNode a = report.path("results").get(0);
        JsonNode b = report.path("results").get(1);
        assertThat(a.path("target").asString()).isEqualTo(p + "-a");
        assertThat(a.path("correct").asInt()).isEqualTo(7);
        assertThat(a.path("accuracy").asDouble()).isEqualTo(7 / 8.0);
        assertThat(a.path("average_score").asDouble()).isEqualTo(9.0);
        assertThat(a.path("cost_usd").decimalValue().doubleValue()).isCloseTo(8 * CALL_COST,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a.path("grade_cost_usd").decimalValue().doubleValue()).isCloseTo(CALL_COST,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a.path("cost_per_correct_usd").decimalValue().doubleValue()).isCloseTo(8 * CALL_COST / 7,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a.path("latency_p50_ms").isIntegralNumber()).isTrue();
        assertThat(a.path("latency_p95_ms").asLong()).isGreaterThanOrEqualTo(a.path("latency_p50_ms").asLong());
        assertThat(a.path("feedback").path("count").asLong()).as("production feedback on a").isEqualTo(1);
        assertThat(a.path("feedback").path("average_score").asDouble()).isEqualTo(4.0);
        assertThat(b.path("feedback").path("count").asLong()).isZero();
        assertThat(b.path("correct").asInt()).isEqualTo(1);
        assertThat(b.path("average_score").asDouble()).isEqualTo(2.0);
        JsonNode comparison = report.path("comparisons").get(0);
        assertThat(comparison.path("a_right_b_wrong").toString()).isEqualTo("[1,2,3,4,5,6,7]");
        assertThat(comparison.path("b_right_a_wrong").toString()).isEqualTo("[8]");
        assertThat(report.path("spent_usd").decimalValue().doubleValue()).isCloseTo(18 * CALL_COST,
                org.assertj.core.data.Offset.offset(1e-12));

        JsonNode results = admin().get().uri("/admin/v1/evaluations/" + report.path("id").asString() + "/results")
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("data");
        assertThat(results).hasSize(16);
        JsonNode schema = results.valueStream().filter(r -> r.path("target").asString().equals(p + "-b")
                && r.path("case_seq").asInt() == 3).findFirst().orElseThrow();
        assertThat(schema.path("passed").asBoolean()).isFalse();
        assertThat(schema.path("detail").asString()).isEqualTo("the answer is not JSON");
        String requestId = results.get(0).path("request_id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM usage_ledger WHERE request_id = ? AND key_id = ?::uuid", Integer.class,
                requestId, world.keyId()) == 1);
        // The ledger is written in batches: one row there does not mean all of them are.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM usage_ledger WHERE request_id LIKE ?", Integer.class,
                report.path("id").asString() + ".%")).as("every call and judge call metered").isEqualTo(18));
    }

    @Test
    void theCostCapStopsStartingCasesAndKeepsTheAnswersSoFar() {
        String p = unique("eval-cap");
        World world = world(p);
        String dataset = dataset(p, """
                {"messages":[{"role":"user","content":"q-1"}],"expected":"Paris"}
                {"messages":[{"role":"user","content":"q-2"}],"expected":"Paris"}
                {"messages":[{"role":"user","content":"q-3"}],"expected":"Paris"}
                """);
        stub(p, "a", "q-", "Paris");

        String id = start(Map.of("dataset", dataset, "targets", List.of(p + "-a"), "key_id", world.keyId(),
                "concurrency", 1, "cost_cap_usd", 0.000005)).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        JsonNode report = awaitEnd(id);

        assertThat(report.path("status").asString()).isEqualTo("cost_capped");
        assertThat(report.path("progress").path("done").asInt()).as("two calls reach the cap").isEqualTo(2);
        assertThat(report.path("results").get(0).path("correct").asInt()).isEqualTo(2);
        UPSTREAM.verify(0, postRequestedFor(urlEqualTo("/" + p + "/v1/chat/completions"))
                .withRequestBody(containing("q-3")));
    }

    @Test
    void aRunLeftByADeadGatewayIsResumedFromItsMissingCases() {
        String p = unique("eval-resume");
        World world = world(p);
        String dataset = dataset(p, """
                {"messages":[{"role":"user","content":"q-1"}],"expected":"Paris"}
                {"messages":[{"role":"user","content":"q-2"}],"expected":"Paris"}
                {"messages":[{"role":"user","content":"q-3"}],"expected":"Paris"}
                """);
        stub(p, "a", "q-", "Paris");
        String id = "eval_resume_" + p.replace("-", "_");
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        jdbc.update("""
                INSERT INTO evaluations (id, dataset_id, last_seq, key_id, targets, concurrency, status, replica,
                    created_by, created_at, heartbeat_at, spent_usd)
                SELECT ?, id, 3, ?::uuid, ?::jsonb, 2, 'running', 'a-dead-replica', 'test', ?, ?, 0.5
                FROM eval_datasets WHERE name = ?""", id, world.keyId(), "[\"" + p + "-a\"]",
                Timestamp.from(longAgo), Timestamp.from(longAgo), dataset);
        jdbc.update("""
                INSERT INTO evaluation_results (evaluation_id, target, case_seq, answer, passed, latency_ms,
                    cost_usd, created_at) VALUES (?, ?, 2, 'Paris', true, 5, 0.5, ?)""", id, p + "-a",
                Timestamp.from(longAgo));

        // The background pass may take it first; either way it is the sweeper that resumes it.
        sweeper.sweep();
        JsonNode report = awaitEnd(id);

        assertThat(report.path("status").asString()).isEqualTo("completed");
        assertThat(report.path("progress").path("done").asInt()).isEqualTo(3);
        assertThat(report.path("results").get(0).path("correct").asInt()).isEqualTo(3);
        // Counted by case, not in total: the route engine may retry a call.
        UPSTREAM.verify(0, postRequestedFor(urlEqualTo("/" + p + "/v1/chat/completions"))
                .withRequestBody(containing("q-2")));
        assertThat(report.path("spent_usd").decimalValue().doubleValue()).isCloseTo(0.5 + 2 * CALL_COST,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aRunningEvaluationCanBeCancelledAndItsDatasetIsThenKept() {
        String p = unique("eval-cancel");
        World world = world(p);
        String dataset = dataset(p, """
                {"messages":[{"role":"user","content":"q-1"}],"expected":"Paris"}
                """);
        UPSTREAM.stubFor(post(urlEqualTo("/" + p + "/v1/chat/completions")).willReturn(aResponse()
                .withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                .withBody(completion("Paris"))));
        String id = start(Map.of("dataset", dataset, "targets", List.of(p + "-a"), "key_id", world.keyId()))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody().path("id")
                .asString();

        admin().post().uri("/admin/v1/evaluations/" + id + ":cancel").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("cancelled");
        fixtures.delete("/admin/v1/datasets/" + dataset).expectStatus().isEqualTo(409);
        admin().get().uri("/admin/v1/evaluations/eval_none").exchange().expectStatus().isNotFound();
    }

    @Test
    void thePromotionGateEvaluatesARouteChangeWithoutApplyingIt() {
        String p = unique("eval-gate");
        world(p);
        String route = p + "-r";
        fixtures.post("/admin/v1/routes", Map.of("name", route, "policy", "fallback",
                "config", Map.of("targets", List.of(p + "-a"))));
        String keyId = fixtures.post("/admin/v1/keys", Map.of("name", p + "-gate-key", "scopes", List.of("inference"),
                "allowed_models", List.of(route))).path("id").asString();
        String dataset = dataset(p, """
                {"messages":[{"role":"user","content":"q-1"}],"expected":"Paris"}
                {"messages":[{"role":"user","content":"q-2"}],"expected":"Paris"}
                """);
        stub(p, "a", "q-", "Paris");
        stub(p, "b", "q-1", "Paris");
        stub(p, "b", "q-2", "Lyon");
        Map<String, Object> candidate = Map.of("config", Map.of("targets", List.of(p + "-b")));

        JsonNode started = admin().post().uri("/admin/v1/routes/" + route + ":evaluate")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("candidate", candidate, "dataset", dataset,
                        "key_id", keyId)).exchange().expectStatus().isAccepted().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        JsonNode report = awaitEnd(started.path("id").asString());

        assertThat(report.path("status").asString()).isEqualTo("completed");
        assertThat(report.path("targets").toString()).isEqualTo("[\"" + route + "\",\"" + route + "@candidate\"]");
        assertThat(report.path("candidate").path("change")).isEqualTo(JsonMapper.shared().valueToTree(candidate));
        assertThat(report.path("results").get(0).path("correct").asInt()).isEqualTo(2);
        assertThat(report.path("results").get(1).path("correct").asInt()).isEqualTo(1);
        assertThat(report.path("comparisons").get(0).path("a_right_b_wrong").toString())
                .as("the case the change would break").isEqualTo("[2]");
        assertThat(report.path("results").get(0).path("feedback").path("count").asLong()).isZero();
        assertThat(report.path("results").get(1).has("feedback")).as("a candidate served no one").isFalse();
        UPSTREAM.verify(2, postRequestedFor(urlEqualTo("/" + p + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("b"))));
        assertThat(admin().get().uri("/admin/v1/routes/" + route).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("config").path("targets").toString())
                .as("the route is unchanged").isEqualTo("[\"" + p + "-a\"]");

        admin().post().uri("/admin/v1/routes/" + route + ":evaluate").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("candidate", Map.of("config", Map.of("targets", List.of(p + "-none"))),
                        "dataset", dataset, "key_id", keyId)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("candidate.config");
        admin().post().uri("/admin/v1/routes/" + p + "-nothing:evaluate").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("candidate", candidate, "dataset", dataset, "key_id", keyId)).exchange()
                .expectStatus().isNotFound();
    }

    private record World(String keyId, String secret) {
    }

    /** Models a, b and a judge on one stubbed provider, and an evaluation key for all three. */
    private World world(String p) {
        fixtures.provider(p + "-p", upstreamBase(p));
        for (String model : List.of("a", "b", "judge")) {
            fixtures.model(p + "-" + model, p + "-p", model, "chat");
        }
        JsonNode key = fixtures.post("/admin/v1/keys", Map.of("name", p + "-key", "scopes", List.of("inference"),
                "allowed_models", List.of(p + "-a", p + "-b", p + "-judge")));
        return new World(key.path("id").asString(), key.path("key").asString());
    }

    /** A client's request to {@code model} answered, and feedback with {@code score} attached to it. */
    private void giveProductionFeedback(World world, String model, int score) {
        String requestId = http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + world.secret())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"q-exact\"}]}")
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
                .getFirst("x-request-id");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM usage_ledger WHERE request_id = ?", Integer.class, requestId) > 0);
        http.post().uri("/v1/feedback").header("Authorization", "Bearer " + world.secret())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("request_id", requestId, "score", score))
                .exchange().expectStatus().isOk();
    }

    private String dataset(String p, String jsonl) {
        String name = p + "-ds";
        fixtures.post("/admin/v1/datasets", Map.of("name", name, "grader", Map.of("type", "exact_match")));
        admin().post().uri("/admin/v1/datasets/" + name + "/cases").contentType(MediaType.TEXT_PLAIN)
                .bodyValue(jsonl).exchange().expectStatus().isOk();
        return name;
    }

    /** The upstream model {@code model} answers {@code answer} to every request whose body contains {@code asked}. */
    private static void stub(String p, String model, String asked, String answer) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + p + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(model)))
                .withRequestBody(containing(asked))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion(answer))));
    }

    private static String completion(String text) {
        return JsonMapper.shared().writeValueAsString(Map.of("id", "chatcmpl-e", "object", "chat.completion",
                "created", 1_700_000_000, "model", "m", "choices", List.of(Map.of("index", 0, "message",
                        Map.of("role", "assistant", "content", text), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 12, "completion_tokens", 3, "total_tokens", 15)));
    }

    private WebTestClient.ResponseSpec start(Map<String, Object> body) {
        return admin().post().uri("/admin/v1/evaluations").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private JsonNode awaitEnd(String id) {
        JsonNode[] report = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            report[0] = admin().get().uri("/admin/v1/evaluations/" + id).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            return !report[0].path("status").asString().equals("running");
        });
        return report[0];
    }

    private WebTestClient admin() {
        return http.mutate().defaultHeader("Authorization", "Bearer " + ADMIN_KEY).build();
    }
}
