package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/feedback}: feedback joins the ledger row of its request, only the requesting key or its team may
 * attach it, bad bodies are refused in OpenAI's error shape and store nothing, and {@code GET /admin/v1/feedback}
 * summarises it by model and route.
 */
class FeedbackIT extends GatewayIT {

    /** One answered request the bad-input cases all try to attach feedback to. */
    private static String badInputKey;
    private static String badInputRequest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void feedbackJoinsItsRequestAndIsSummarisedByModel() {
        String p = unique("fb");
        String key = chatModel(p);
        String first = ask(key, p + "-m");
        String second = ask(key, p + "-m");

        feedback(key, Map.of("request_id", first, "score", 4, "label", "good", "comment", "right answer"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.object").isEqualTo("feedback")
                .jsonPath("$.request_id").isEqualTo(first)
                .jsonPath("$.model").isEqualTo(p + "-m")
                .jsonPath("$.score").isEqualTo(4.0);
        feedback(key, Map.of("request_id", second, "score", 2, "label", "wrong_format")).expectStatus().isOk();
        feedback(key, Map.of("request_id", second, "label", "good")).expectStatus().isOk();

        assertThat(jdbc.queryForList("SELECT f.label FROM feedback f JOIN usage_ledger l USING (request_id)"
                + " WHERE l.model = ? ORDER BY f.created_at, f.label", String.class, p + "-m"))
                .containsExactlyInAnyOrder("good", "wrong_format", "good");

        JsonNode summary = summary("?model=" + p + "-m");
        assertThat(summary.path("total").path("count").asLong()).isEqualTo(3);
        assertThat(summary.path("total").path("scored").asLong()).isEqualTo(2);
        assertThat(summary.path("total").path("average_score").asDouble()).isEqualTo(3.0);
        assertThat(summary.path("total").path("labels").path("good").asLong()).isEqualTo(2);
        assertThat(summary.path("total").path("labels").path("wrong_format").asLong()).isEqualTo(1);
        assertThat(summary.path("groups")).hasSize(1);
        assertThat(summary.path("groups").get(0).path("model").asString()).isEqualTo(p + "-m");
        assertThat(summary("?model=" + p + "-none").path("total").path("count").asLong()).isZero();
    }

    @Test
    void onlyTheRequestingKeyOrItsTeamMayAttachFeedback() {
        String p = unique("fb-own");
        chatModel(p);
        fixtures.post("/admin/v1/teams", Map.of("name", p + "-a"));
        fixtures.post("/admin/v1/teams", Map.of("name", p + "-b"));
        String asker = teamKey(p + "-asker", p + "-a", p + "-m");
        String teammate = teamKey(p + "-mate", p + "-a", p + "-m");
        String stranger = teamKey(p + "-stranger", p + "-b", p + "-m");
        String loner = fixtures.key(p + "-loner", p + "-m");
        String request = ask(asker, p + "-m");

        feedback(stranger, Map.of("request_id", request, "score", 1)).expectStatus().isNotFound().expectBody()
                .jsonPath("$.error.code").isEqualTo("request_not_found")
                .jsonPath("$.error.param").isEqualTo("request_id");
        feedback(loner, Map.of("request_id", request, "score", 1)).expectStatus().isNotFound();
        feedback(asker, Map.of("request_id", "no-such-request-" + p, "score", 1)).expectStatus().isNotFound();
        assertThat(stored(request)).isZero();

        feedback(teammate, Map.of("request_id", request, "score", 5)).expectStatus().isOk();
        feedback(asker, Map.of("request_id", request, "label", "ok")).expectStatus().isOk();
        assertThat(stored(request)).isEqualTo(2);

        http.post().uri("/v1/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("request_id", request, "score", 1)).exchange().expectStatus().isUnauthorized();
        String viewer = fixtures.post("/admin/v1/keys", Map.of("name", p + "-viewer", "scopes", List.of("viewer")))
                .path("key").asString();
        feedback(viewer, Map.of("request_id", request, "score", 1)).expectStatus().isForbidden();
        assertThat(stored(request)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "request_id | {\"score\": 1}",
            "request_id | {\"request_id\": \"\", \"score\": 1}",
            "request_id | {\"request_id\": 5, \"score\": 1}",
            "request_id | {\"request_id\": \"$LONG\", \"score\": 1}",
            "score      | {\"request_id\": \"$R\"}",
            "score      | {\"request_id\": \"$R\", \"score\": \"5\"}",
            "score      | {\"request_id\": \"$R\", \"score\": 1e300}",
            "score      | {\"request_id\": \"$R\", \"score\": true}",
            "label      | {\"request_id\": \"$R\", \"label\": \"not a label\"}",
            "label      | {\"request_id\": \"$R\", \"label\": \"\"}",
            "label      | {\"request_id\": \"$R\", \"label\": 3}",
            "comment    | {\"request_id\": \"$R\", \"score\": 1, \"comment\": \"$HUGE\"}",
            "colour     | {\"request_id\": \"$R\", \"score\": 1, \"colour\": \"red\"}",
            "           | {\"request_id\": \"$R\", \"score\": 1",
            "           | [1]"})
    void badBodiesAreRefusedAndStoreNothing(String param, String body) {
        if (badInputRequest == null) {
            String p = unique("fb-bad");
            badInputKey = chatModel(p);
            badInputRequest = ask(badInputKey, p + "-m");
        }
        String key = badInputKey;
        String request = badInputRequest;
        String resolved = body.replace("$R", request).replace("$LONG", "r".repeat(129))
                .replace("$HUGE", "c".repeat(2001));

        http.post().uri("/v1/feedback").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(resolved).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error.type").isEqualTo("invalid_request_error")
                .jsonPath("$.error.param").value(value -> {
                    if (param != null) {
                        assertThat(value).isEqualTo(param);
                    }
                });
        assertThat(stored(request)).isZero();
    }

    private String chatModel(String p) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + p + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", "an answer"))));
        return fixtures.chatModel(p + "-m", p + "-p", upstreamBase(p), "m");
    }

    private String teamKey(String name, String team, String model) {
        return fixtures.post("/admin/v1/keys", Map.of("name", name, "scopes", List.of("inference"),
                "allowed_models", List.of(model), "team", team)).path("key").asString();
    }

    /** Asks a question and waits for its ledger row; returns its request id. */
    private String ask(String key, String model) {
        String requestId = http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
                .getFirst("x-request-id");
        assertThat(requestId).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM usage_ledger WHERE request_id = ?", Integer.class, requestId) > 0);
        return requestId;
    }

    private int stored(String requestId) {
        return jdbc.queryForObject("SELECT count(*) FROM feedback WHERE request_id = ?", Integer.class, requestId);
    }

    private WebTestClient.ResponseSpec feedback(String key, Map<String, Object> body) {
        return http.post().uri("/v1/feedback").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode summary(String query) {
        return http.get().uri("/admin/v1/feedback" + query).header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
